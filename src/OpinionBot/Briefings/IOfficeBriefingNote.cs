using OpinionBot.Localization;

namespace OpinionBot.Briefings;

/// <summary>A line another capability adds to the daily briefing the office's conversation receives (e.g. dead-lettered messages); null for none.</summary>
public interface IOfficeBriefingNote
{
    string? DailyNote(Language language);
}
