using OpinionBot.Deadlines;

namespace OpinionBot.Briefings;

/// <summary>The weekly summary's line per unit, from the week's cases, steps and reports as either store reads them.</summary>
public static class UnitWeeks
{
    /// <param name="rosterUnits">Every unit on the roster (listed even with nothing to show).</param>
    /// <param name="caseUnits">The unit of each case reported in the week.</param>
    /// <param name="done">The week's steps done (not cancelled), with their lateness.</param>
    /// <param name="due">The steps due in the week (not cancelled).</param>
    /// <param name="reportingDays">The week's days a daily report is expected.</param>
    /// <param name="reported">The (unit, day) pairs with a case or a zero report.</param>
    public static List<UnitWeek> Of(
        IEnumerable<string> rosterUnits,
        IReadOnlyList<string> caseUnits,
        IReadOnlyList<OwedStep> done,
        IReadOnlyList<OwedStep> due,
        IReadOnlySet<DateOnly> reportingDays,
        IReadOnlySet<(string UnitId, DateOnly Day)> reported)
    {
        var unitIds = rosterUnits
            .Concat(caseUnits).Concat(done.Select(s => s.UnitId)).Concat(due.Select(s => s.UnitId))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return unitIds.Select(id => new UnitWeek(
            id,
            caseUnits.Count(u => u == id),
            done.Where(s => s.UnitId == id).GroupBy(s => s.Clock).OrderBy(g => g.Key).Select(g => new ClockRate(g.Key, g.Count(), g.Count(s => s.OnTime))).ToList(),
            due.Where(s => s.UnitId == id).Sum(s => s.SlipsSent),
            due.Count(s => s.UnitId == id && s.Escalated),
            reportingDays.Count(d => reported.Contains((id, d))),
            reportingDays.Count)).ToList();
    }
}
