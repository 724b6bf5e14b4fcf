using System.Globalization;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Deadlines;

/// <summary>The warnings a case card shows: each clock whose deadline has already passed, and since when.</summary>
public sealed class CaseWarnings(IOwedStepStore steps, OrganizationClock clock, BotTexts texts)
{
    public IReadOnlyList<string> For(Case c, Language language)
    {
        var now = clock.UtcNow;
        // The next deadline is the earliest of the open steps' (kept by StepTracker): still ahead, nothing has passed.
        if (c.NextDeadline > now)
            return [];
        return steps.OpenForCase(c.Number)
            .Where(s => s.DueAt <= now)
            .OrderBy(s => s.DueAt)
            .Select(s => texts.Get(language, "warning.overdue", texts.Get(language, $"clock.{s.Clock}"),
                clock.ToLocal(s.DueAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
            .ToList();
    }
}
