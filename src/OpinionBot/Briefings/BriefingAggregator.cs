using System.Globalization;
using LiteDB;
using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;

namespace OpinionBot.Briefings;

/// <summary>
/// Computes briefing figures with indexed LiteDB queries only: cases by <c>ReportedOn</c> and by their stored
/// <c>OpenUnitId</c> and <c>WaitingSince</c> (<see cref="IndexedCaseFields"/>), the cases' clocks (<see cref="CaseClocks"/>) by <c>OpenDueKey</c>, <c>DoneWeeks</c> and
/// <c>DueWeeks</c>, zero reports by <c>Day</c>.
/// Open, waiting and overdue cases are counted from index keys alone; only the period's own cases and steps (and at most
/// <see cref="ListLimit"/> listed cases) are ever read as documents.
/// </summary>
public sealed class BriefingAggregator(ILiteDatabase database, RosterStore roster, WorkingCalendar calendar, OrganizationClock clock, IOptions<ScheduleOptions> schedule)
    : IBriefingAggregator
{
    public const int ListLimit = 15;

    /// <summary>How many of the newest cases are read looking for open ones before the OpenUnitId index is asked instead.</summary>
    private const int NewestScan = 500;

    private ILiteCollection<Case> Cases => database.GetCollection<Case>("cases");
    private ILiteCollection<CaseClocks> Clocks => database.GetCollection<CaseClocks>(OwedStepStore.Collection);
    private ILiteCollection<ZeroReport> ZeroReports => database.GetCollection<ZeroReport>("zero_reports");

    /// <summary>Whether units owe a daily report on <paramref name="day"/>: working days, or every day when so configured.</summary>
    public bool IsReportingDay(DateOnly day) => schedule.Value.DailyReportEveryDay || calendar.IsWorkingDay(day);

    public DailyFigures Daily(DateOnly day, DateTimeOffset now)
    {
        var newCases = Cases.Query()
            .Where(Query.EQ(nameof(Case.ReportedOn), Date(day)))
            .Select(BsonExpression.Create("{ l: $.Level, u: $.UnitId, p: $.Platform }"))
            .ToDocuments()
            .Select(d => (Level: Enum.Parse<CaseLevel>(d["l"].AsString), UnitId: d["u"].AsString, Platform: Enum.Parse<Platform>(d["p"].AsString)))
            .ToList();

        var byLevel = newCases.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var byUnit = newCases.GroupBy(c => c.UnitId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        var byPlatform = newCases.GroupBy(c => c.Platform).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

        var openCount = Cases.Count(IndexedCaseFields.OpenCases, IndexedCaseFields.OpenUnitKey);
        var overdue = OverdueCases(now);
        var shown = OpenCasesOverdueFirst(overdue, openCount);

        var reportingDay = IsReportingDay(day);
        IReadOnlyList<string> missed = [];
        if (reportingDay)
        {
            var reported = newCases.Select(c => c.UnitId).ToHashSet(StringComparer.Ordinal);
            reported.UnionWith(ZeroReports.Query().Where(Query.EQ(nameof(ZeroReport.Day), Date(day)))
                .Select(BsonExpression.Create("{ u: $.UnitId }")).ToDocuments().Select(d => d["u"].AsString));
            missed = roster.AllUnits().Select(u => u.Id).Where(id => !reported.Contains(id)).ToList();
        }

        var waitingCount = Cases.Count(IndexedCaseFields.WaitingCases, IndexedCaseFields.WaitingSinceKey);
        // The oldest first, straight down the WaitingSince index (ordering by the index's own field sorts nothing):
        // only the listed cases are read.
        var waiting = Cases.Query().Where(IndexedCaseFields.WaitingCases).OrderBy(c => c.WaitingSince).Limit(ListLimit).ToList()
            .Select(c => Line(c, overdue.TryGetValue(c.Number, out var since) ? since : null)).ToList();

        return new DailyFigures(day, newCases.Count, byLevel, byUnit, byPlatform, openCount, overdue.Count, shown, reportingDay, missed, waitingCount, waiting);
    }

    /// <summary>
    /// Cases with an open step past its due time, with the earliest such due time, from the keys of the <c>OpenDueKey</c>
    /// index alone (each case's earliest open due time and its number; keys before now's ticks are the overdue ones).
    /// </summary>
    private Dictionary<string, DateTimeOffset> OverdueCases(DateTimeOffset now)
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var key = nameof(CaseClocks.OpenDueKey);
        var keys = Clocks.Query().Where(Query.Between(key, new BsonValue("0"), new BsonValue(now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture))))
            .Select(BsonExpression.Create($"$.{key}")).ToDocuments();
        foreach (var document in keys)
        {
            var value = document[key].AsString;
            var number = value[20..];
            var due = new DateTimeOffset(long.Parse(value.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);
            if (!result.TryGetValue(number, out var earliest) || due < earliest)
                result[number] = due;
        }

        return result;
    }

    /// <summary>Up to <see cref="ListLimit"/> open cases: the overdue ones first (longest overdue first), then the newest others.</summary>
    private List<BriefingCase> OpenCasesOverdueFirst(Dictionary<string, DateTimeOffset> overdue, int openCount)
    {
        var shown = overdue.OrderBy(o => o.Value).ThenBy(o => o.Key, StringComparer.Ordinal)
            .Select(o => Cases.FindById(o.Key) is { } c && c.State.IsOpen() ? Line(c, o.Value) : null)
            .OfType<BriefingCase>()
            .Take(ListLimit)
            .ToList();
        if (shown.Count >= ListLimit || openCount <= shown.Count)
            return shown;

        // Newest first straight down the ReportedAt index, skipping closed cases: open cases are mostly recent, so this
        // reads a few dozen documents. Should the newest NewestScan all be closed, the OpenUnitId index finds the rest.
        var need = ListLimit - shown.Count;
        var others = Cases.Find(Query.All(nameof(Case.ReportedAt), Query.Descending), limit: NewestScan)
            .Where(c => c.State.IsOpen() && !overdue.ContainsKey(c.Number))
            .Take(need)
            .ToList();
        if (others.Count < need && openCount > shown.Count + others.Count)
        {
            others = Cases.Query().Where(IndexedCaseFields.OpenCases)
                .OrderByDescending(c => c.ReportedAt).Limit(ListLimit + overdue.Count).ToEnumerable()
                .Where(c => !overdue.ContainsKey(c.Number)).Take(need).ToList();
        }

        shown.AddRange(others.Select(c => Line(c, null)));
        return shown;
    }

    /// <summary>The week from <paramref name="monday"/> through <paramref name="through"/> (its Sunday, or today so far).</summary>
    public WeeklyFigures Weekly(DateOnly monday, DateOnly through, int trendWeeks = 4)
    {
        var weekCases = Cases.Query()
            .Where(Query.Between(nameof(Case.ReportedOn), Date(monday), Date(through)))
            .Select(BsonExpression.Create("{ l: $.Level, u: $.UnitId, d: $.ReportedOn }"))
            .ToDocuments()
            .Select(d => (Level: Enum.Parse<CaseLevel>(d["l"].AsString), UnitId: d["u"].AsString, Day: d["d"].AsString))
            .ToList();
        var byLevel = weekCases.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();

        var (startUtc, endUtc) = (StartOfDayUtc(monday), StartOfDayUtc(through.AddDays(1)));
        var done = StepsInWeeks(OwedStepStore.DoneWeeksIndex, startUtc, endUtc)
            .Where(s => s.DoneAt >= startUtc && s.DoneAt < endUtc && !s.Cancelled && s.Lateness is not null)
            .ToList();
        var due = StepsInWeeks(OwedStepStore.DueWeeksIndex, startUtc, endUtc)
            .Where(s => s.DueAt >= startUtc && s.DueAt < endUtc && !s.Cancelled)
            .ToList();

        var reportingDays = Days(monday, through).Where(IsReportingDay).ToHashSet();
        var reported = weekCases.Select(c => (c.UnitId, Day: DateOnly.ParseExact(c.Day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))).ToHashSet();
        reported.UnionWith(ZeroReports.Find(Query.Between(nameof(ZeroReport.Day), Date(monday), Date(through))).Select(z => (z.UnitId, z.Day)));

        var units = UnitWeeks.Of(roster.AllUnits().Select(u => u.Id), weekCases.Select(c => c.UnitId).ToList(), done, due, reportingDays, reported);

        var trend = Enumerable.Range(1, trendWeeks).Reverse()
            .Select(back => monday.AddDays(-7 * back))
            .Select(m => new WeekCount(m, Cases.Count(Query.Between(nameof(Case.ReportedOn), Date(m), Date(m.AddDays(6))))))
            .Append(new WeekCount(monday, weekCases.Count))
            .ToList();

        return new WeeklyFigures(monday, through, weekCases.Count, byLevel, units, due.Sum(s => s.SlipsSent), due.Count(s => s.Escalated), reportingDays.Count, trend);
    }

    /// <summary>
    /// The steps of the cases whose <paramref name="weeksIndex"/> holds a week that overlaps the span (to be narrowed to
    /// it), read as raw documents: the object mapper would cost more than the rest of the weekly figures together.
    /// </summary>
    private IEnumerable<OwedStep> StepsInWeeks(string weeksIndex, DateTimeOffset startUtc, DateTimeOffset endUtc) =>
        database.GetCollection(OwedStepStore.Collection)
            .Find(BsonExpression.Create($"$.{weeksIndex}[*] ANY BETWEEN @0 AND @1",
                new BsonValue(CaseClocks.WeekOf(startUtc)), new BsonValue(CaseClocks.WeekOf(endUtc.AddTicks(-1)))))
            .SelectMany(Records.Register.RegisterMapping.StepsOf);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private DateTimeOffset StartOfDayUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, clock.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly through)
    {
        for (var d = from; d <= through; d = d.AddDays(1)) yield return d;
    }

    private static BsonValue Date(DateOnly day) => new(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static BriefingCase Line(Case c, DateTimeOffset? overdueSince) => new(c.Number, c.Title, c.Level, c.UnitId, c.State, overdueSince);
}
