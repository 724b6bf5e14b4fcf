namespace OpinionBot.Deadlines;

/// <summary>Checks <c>Calendar:WorkingHours</c>: every period well formed, listed in order, none overlapping.</summary>
public static class WorkingHoursProblems
{
    public const string Key = "Calendar:WorkingHours";

    /// <summary>One readable line per problem; empty when the periods can be used.</summary>
    public static IReadOnlyList<string> Find(IReadOnlyList<string> periods)
    {
        var problems = new List<string>();
        WorkingPeriod? previous = null;
        for (var i = 0; i < periods.Count; i++)
        {
            var text = periods[i];
            if (!WorkingPeriod.HasValidShape(text))
            {
                problems.Add($"{Key}:{i} '{text}' is not a period in HH:mm-HH:mm form (24-hour clock, such as 09:00-12:00).");
                continue;
            }
            if (!WorkingPeriod.TryParse(text, out var period))
            {
                problems.Add($"{Key}:{i} '{text}' ends before it starts; a period cannot run past midnight (use 24:00 as the end of the day).");
                continue;
            }
            if (previous is { } before)
            {
                if (period.Start < before.Start)
                    problems.Add($"{Key}:{i} '{text}' is listed after '{before}'; list the periods in the order of the day.");
                else if (period.Start < before.End)
                    problems.Add($"{Key}:{i} '{text}' overlaps '{before}'; periods must not overlap.");
            }
            previous = period;
        }
        return problems;
    }

    /// <summary>The periods, in order; throws when <see cref="Find"/> would report a problem.</summary>
    public static IReadOnlyList<WorkingPeriod> Parse(IReadOnlyList<string> periods)
    {
        var problems = Find(periods);
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(periods));
        return [.. periods.Select(p => WorkingPeriod.TryParse(p, out var period) ? period : default)];
    }
}
