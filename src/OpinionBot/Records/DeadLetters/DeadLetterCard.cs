using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Localization;

namespace OpinionBot.Records.DeadLetters;

/// <summary>
/// The dead letters: the newest <see cref="MaxShown"/> messages the outbox gave up on, each with its conversation,
/// error, age and attempts, and Retry / Discard buttons.
/// </summary>
public sealed class DeadLetterCard(IOutboxStore outbox, IConversationStore conversations, BotTexts texts, OrganizationClock clock)
{
    public const int MaxShown = 10;
    public const int MaxError = 200;
    public const string RetryVerb = "outbox.retry";
    public const string DiscardVerb = "outbox.discard";

    public AdaptiveCard Build(Language language, string? note = null)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var total = outbox.Count(OutboxState.Dead);
        var card = new AdaptiveCard().Add(CardElements.Heading(T("deadLetters.title", total)));
        if (note is not null)
            card.Add(CardElements.Text(note, bold: true));
        if (total == 0)
            return card.Add(CardElements.Text(T("deadLetters.none"), subtle: true));

        foreach (var message in outbox.Dead(MaxShown))
            card.Add(Entry(message, language, T));
        if (total > MaxShown)
            card.Add(CardElements.Text(T("deadLetters.more", total - MaxShown), subtle: true));
        return card;
    }

    private JsonObject Entry(OutboxMessage message, Language language, Func<string, object?[], string> T)
    {
        var conversation = conversations.Find(message.ConversationId);
        var where = conversation is null
            ? Shorten(message.ConversationId, 60)
            : $"{conversation.Name ?? T(ConversationTypeKey(conversation.ConversationType), [])} · {Shorten(message.ConversationId, 40)}";
        var error = Shorten(message.LastError ?? "—", MaxError);
        var data = new JsonObject { ["id"] = message.Id, ["lang"] = language.Tag() };
        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["items"] = new JsonArray(
                CardElements.Facts(
                [
                    (T("deadLetters.message", []), $"#{message.Id.ToString(CultureInfo.InvariantCulture)} · {T($"deadLetters.kind.{message.Kind}", [])}"),
                    (T("deadLetters.conversation", []), where),
                    (T("deadLetters.error", []), error),
                    (T("deadLetters.age", []), Age(clock.UtcNow - message.CreatedAt, T)),
                    (T("deadLetters.attempts", []), message.Attempts.ToString(CultureInfo.InvariantCulture)),
                ]),
                new JsonObject
                {
                    ["type"] = "ActionSet",
                    ["actions"] = new JsonArray(
                        CardElements.Execute(T("deadLetters.retry", []), RetryVerb, (JsonObject)data.DeepClone()),
                        CardElements.Execute(T("deadLetters.discard", []), DiscardVerb, (JsonObject)data.DeepClone())),
                }),
        };
    }

    private static string Age(TimeSpan age, Func<string, object?[], string> T) => age switch
    {
        { TotalMinutes: < 1 } => T("deadLetters.age.now", []),
        { TotalHours: < 1 } => T("deadLetters.age.minutes", [(int)age.TotalMinutes]),
        { TotalHours: < 48 } => T("deadLetters.age.hours", [(int)age.TotalHours]),
        _ => T("deadLetters.age.days", [(int)age.TotalDays]),
    };

    private static string ConversationTypeKey(string type) =>
        type is "personal" or "groupChat" or "channel" ? $"deadLetters.conversation.{type}" : "deadLetters.conversation.other";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
