using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Briefings.PostgreSql;

/// <summary>
/// The briefing figures of <see cref="BriefingAggregator"/>, computed by PostgreSQL: counts and groupings in SQL over the
/// indexed columns (<c>reported_on</c>, <c>state</c>, <c>open_due_at</c>, <c>done_at</c>, <c>due_at</c>); documents are
/// read only for the listed cases and the period's own steps.
/// </summary>
public sealed class PostgresBriefingAggregator(PostgresDatabase database, IRosterStore roster, WorkingCalendar calendar, OrganizationClock clock,
    IOptions<ScheduleOptions> schedule) : IBriefingAggregator
{
    private static readonly string[] OpenStates = Enum.GetValues<CaseState>().Where(s => s.IsOpen()).Select(s => s.ToString()).ToArray();

    private static readonly string[] WaitingStates = [nameof(CaseState.Reported), nameof(CaseState.PrincipalReview)];

    /// <summary>The states written into the query (our own enum names): with each state known, the planner takes the index.</summary>
    private static readonly string WaitingOldest = $"""
        SELECT doc FROM ({string.Join(" UNION ALL ", WaitingStates.Select(state =>
            $"(SELECT doc, reported_at FROM cases WHERE state = '{state}' ORDER BY reported_at LIMIT {BriefingAggregator.ListLimit})"))}) w
        ORDER BY reported_at LIMIT {BriefingAggregator.ListLimit}
        """;

    private const string OverdueSteps = "SELECT case_number, min(open_due_at) FROM owed_steps WHERE open_due_at < $1 GROUP BY case_number";

    public bool IsReportingDay(DateOnly day) => schedule.Value.DailyReportEveryDay || calendar.IsWorkingDay(day);

    public DailyFigures Daily(DateOnly day, DateTimeOffset now)
    {
        var newCases = database.Query("SELECT level, unit_id, platform FROM cases WHERE reported_on = $1",
            r => (Level: Enum.Parse<CaseLevel>(r.GetString(0)), UnitId: r.GetString(1), Platform: Enum.Parse<Platform>(r.GetString(2))), day);
        var byLevel = newCases.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var byUnit = newCases.GroupBy(c => c.UnitId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        var byPlatform = newCases.GroupBy(c => c.Platform).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

        var openCount = Count("SELECT count(*) FROM cases WHERE state = ANY($1)", (object)OpenStates);
        var overdue = database.Query(OverdueSteps, r => (Number: r.GetString(0), Due: PostgresDatabase.Instant(r, 1)), now)
            .ToDictionary(o => o.Number, o => o.Due, StringComparer.Ordinal);
        var shown = OpenCasesOverdueFirst(now, overdue);

        var reportingDay = IsReportingDay(day);
        IReadOnlyList<string> missed = [];
        if (reportingDay)
        {
            var reported = newCases.Select(c => c.UnitId).ToHashSet(StringComparer.Ordinal);
            reported.UnionWith(database.Query("SELECT unit_id FROM zero_reports WHERE day = $1", r => r.GetString(0), day));
            missed = roster.AllUnits().Select(u => u.Id).Where(id => !reported.Contains(id)).ToList();
        }

        var waitingCount = Count("SELECT count(*) FROM cases WHERE state = ANY($1)", (object)WaitingStates);
        // The oldest of each waiting state down the (state, reported_at) index, then the oldest of those: an ORDER BY over
        // state = ANY(...) walks the reported_at index from the oldest case of all.
        var waiting = database.Documents<Case>(WaitingOldest)
            .Select(c => Line(c, overdue.TryGetValue(c.Number, out var since) ? since : null)).ToList();

        return new DailyFigures(day, newCases.Count, byLevel, byUnit, byPlatform, openCount, overdue.Count, shown, reportingDay, missed, waitingCount, waiting);
    }

    /// <summary>Up to <see cref="BriefingAggregator.ListLimit"/> open cases: the overdue ones first (longest overdue first), then the newest others.</summary>
    private List<BriefingCase> OpenCasesOverdueFirst(DateTimeOffset now, Dictionary<string, DateTimeOffset> overdue)
    {
        // The overdue ones, longest overdue first, from the overdue cases already counted: their documents read a chunk
        // at a time by primary key until the list is full (an overdue case that is closed is passed over).
        var shown = new List<BriefingCase>();
        foreach (var chunk in overdue.OrderBy(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal).Chunk(4 * BriefingAggregator.ListLimit))
        {
            var found = database.Documents<Case>("SELECT doc FROM cases WHERE number = ANY($1) AND state = ANY($2)", chunk.Select(o => o.Key).ToArray(), OpenStates)
                .ToDictionary(c => c.Number, StringComparer.Ordinal);
            shown.AddRange(chunk.Where(o => found.ContainsKey(o.Key)).Select(o => Line(found[o.Key], o.Value)).Take(BriefingAggregator.ListLimit - shown.Count));
            if (shown.Count >= BriefingAggregator.ListLimit) break;
        }

        if (shown.Count >= BriefingAggregator.ListLimit)
            return shown;

        shown.AddRange(database.Documents<Case>("""
            SELECT doc FROM cases c WHERE state = ANY($2)
              AND NOT EXISTS (SELECT 1 FROM owed_steps s WHERE s.case_number = c.number AND s.open_due_at < $1)
            ORDER BY reported_at DESC LIMIT $3
            """, now, OpenStates, BriefingAggregator.ListLimit - shown.Count)
            .Where(c => !overdue.ContainsKey(c.Number))
            .Select(c => Line(c, null)));
        return shown;
    }

    public WeeklyFigures Weekly(DateOnly monday, DateOnly through, int trendWeeks = 4)
    {
        var weekCases = database.Query("SELECT level, unit_id, reported_on FROM cases WHERE reported_on BETWEEN $1 AND $2",
            r => (Level: Enum.Parse<CaseLevel>(r.GetString(0)), UnitId: r.GetString(1), Day: r.GetFieldValue<DateOnly>(2)), monday, through);
        var byLevel = weekCases.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

        var (start, end) = (StartOfDayUtc(monday), StartOfDayUtc(through.AddDays(1)));
        var done = database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE done_at >= $1 AND done_at < $2", start, end)
            .Where(s => !s.Cancelled && s.Lateness is not null).ToList();
        var due = database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE due_at >= $1 AND due_at < $2", start, end)
            .Where(s => !s.Cancelled).ToList();

        var reportingDays = Days(monday, through).Where(IsReportingDay).ToHashSet();
        var reported = weekCases.Select(c => (c.UnitId, c.Day)).ToHashSet();
        reported.UnionWith(database.Query("SELECT unit_id, day FROM zero_reports WHERE day BETWEEN $1 AND $2",
            r => (r.GetString(0), r.GetFieldValue<DateOnly>(1)), monday, through));

        var units = UnitWeeks.Of(roster.AllUnits().Select(u => u.Id), weekCases.Select(c => c.UnitId).ToList(), done, due, reportingDays, reported);

        var trend = Enumerable.Range(1, trendWeeks).Reverse()
            .Select(back => monday.AddDays(-7 * back))
            .Select(m => new WeekCount(m, Count("SELECT count(*) FROM cases WHERE reported_on BETWEEN $1 AND $2", m, m.AddDays(6))))
            .Append(new WeekCount(monday, weekCases.Count))
            .ToList();

        return new WeeklyFigures(monday, through, weekCases.Count, byLevel, units, due.Sum(s => s.SlipsSent), due.Count(s => s.Escalated), reportingDays.Count, trend);
    }

    private int Count(string sql, params object?[] args) => (int)database.Scalar<long>(sql, args);

    private DateTimeOffset StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly through)
    {
        for (var d = from; d <= through; d = d.AddDays(1)) yield return d;
    }

    private static BriefingCase Line(Case c, DateTimeOffset? overdueSince) => new(c.Number, c.Title, c.Level, c.UnitId, c.State, overdueSince);
}
