using OpinionBot.Cases;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;

namespace OpinionBot.Approvals;

/// <summary>
/// An approval or dispatch card the outbox gave up on (bot removed from the chat, 403/404) is not a silent stall: the
/// request falls back to the unit's approval chat, then the office's conversation, and the timeline records it; when
/// nowhere is left, the office is told who cannot be reached.
/// </summary>
public sealed class UndeliverableCards(IApprovalStore requests, ICaseStore cases, ApprovalRouter router, CaseNotifier notifier, IStoreTransaction transaction) : IOutboxDeliveryListener
{
    public void Delivered(OutboxMessage message, string? activityId)
    {
    }

    public void DeadLettered(OutboxMessage message)
    {
        if (message.Kind == OutboxKind.Update) return;
        transaction.Run(() =>
        {
            if (requests.FindSentBy(message) is not { Closed: false } failed || cases.Find(failed.CaseNumber) is not { } c || !c.State.IsOpen())
                return;
            failed.Closed = true;
            requests.Save(failed);
            notifier.CardUndeliverable(c, failed, message.LastError ?? "", router.Reroute(c, failed));
        });
    }
}
