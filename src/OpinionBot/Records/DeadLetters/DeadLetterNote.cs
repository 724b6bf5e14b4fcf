using OpinionBot.Briefings;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Localization;

namespace OpinionBot.Records.DeadLetters;

/// <summary>The office's daily briefing says how many messages are dead-lettered, when there are any.</summary>
public sealed class DeadLetterNote(IOutboxStore outbox, BotTexts texts) : IOfficeBriefingNote
{
    public string? DailyNote(Language language) =>
        outbox.Count(OutboxState.Dead) is var count and > 0 ? texts.Get(language, "deadLetters.briefingNote", count) : null;
}
