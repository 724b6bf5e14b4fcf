using System.Globalization;
using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;

namespace OpinionBot.Records.DeadLetters;

/// <summary>
/// Retry or Discard on the dead-letter card. Someone who is neither admin nor office is refused on the card and
/// nothing changes; a message already retried or discarded (by someone else) is said to be gone. The answer is the
/// card as it is now.
/// </summary>
public sealed class DeadLetterAction(
    string verb,
    bool retry,
    IOutboxStore outbox,
    OutboxSignal signal,
    IStoreTransaction transaction,
    DeadLetterCard card,
    OrganizationClock clock,
    ILogger<DeadLetterAction> logger) : ICardAction
{
    public string Verb => verb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (!DeadLetterAccess.MayUse(context.Actor))
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "NotAllowed", context.Text("deadLetters.notAllowed")));

        var raw = BotJson.Member(context.Action.Data, "id");
        if (!long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "BadRequest", context.Text("intake.error.staleCard")));

        var done = transaction.Run(() => retry ? outbox.Revive(id, clock.UtcNow) : outbox.Discard(id));
        string note;
        if (!done)
            note = context.Text("deadLetters.gone", id);
        else
        {
            if (retry) signal.Notify();
            logger.LogWarning("Dead-lettered outbox message {MessageId} {Outcome} by {Actor} ({ActorKey})", id, retry ? "queued again" : "discarded", context.Actor.Name, context.Actor.Key);
            note = context.Text(retry ? "deadLetters.retried" : "deadLetters.discarded", id);
        }

        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.Build(context.Language, note).ToJson()));
    }
}
