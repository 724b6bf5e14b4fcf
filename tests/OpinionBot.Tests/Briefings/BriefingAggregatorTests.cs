using LiteDB;
using Microsoft.Extensions.Options;
using OpinionBot.Briefings;
using OpinionBot.Cases;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Briefings;

/// <summary>The briefing figures over a handful of cases, steps and zero reports in a temp LiteDB (week of Mon 2026-11-16, Asia/Shanghai).</summary>
public sealed class BriefingAggregatorTests : IDisposable
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Friday = new(2026, 11, 20);
    private readonly TestDatabase _db = new();

    public BriefingAggregatorTests()
    {
        var db = _db.Database;
        var transaction = new StoreTransaction(db);
        var cases = new CaseStore(db, transaction);
        cases.EnsureIndexes();
        var steps = new OwedStepStore(db);
        steps.EnsureIndexes();
        new DailyReportStore(db, transaction, cases).EnsureIndexes();
        var roster = new RosterStore(db);
        roster.EnsureIndexes();
        foreach (var (id, name) in new[] { ("propaganda", "宣传部"), ("education", "教育局"), ("health", "卫健委") })
            roster.Save(new Unit { Id = id, Name = name, SupervisingLeaders = ["l@x"] });

        db.GetCollection<Case>("cases").InsertBulk(
        [
            NewCase(1, "propaganda", CaseLevel.II, Platform.Weibo, Friday, CaseState.Reported),
            NewCase(2, "propaganda", CaseLevel.IV, Platform.Douyin, Friday, CaseState.InProgress),
            NewCase(3, "education", CaseLevel.IV, Platform.Weibo, Friday.AddDays(-1), CaseState.PrincipalReview),
            NewCase(4, "education", CaseLevel.III, Platform.Weibo, new DateOnly(2026, 11, 10), CaseState.Archived),
            NewCase(5, "health", CaseLevel.IV, Platform.Forum, new DateOnly(2026, 11, 2), CaseState.Dismissed),
        ]);
        db.GetCollection<ZeroReport>("zero_reports").InsertBulk(
        [
            new ZeroReport { Id = ZeroReport.IdFor("health", Friday), UnitId = "health", Day = Friday },
            new ZeroReport { Id = ZeroReport.IdFor("education", Friday.AddDays(-2)), UnitId = "education", Day = Friday.AddDays(-2) },
        ]);
        foreach (var ofCase in new OwedStep[]
        {
            // Open and overdue at Sat 08:30 local; open and not yet due; closed.
            Open("2026-0002:Verification", "2026-0002", "propaganda", StepClock.Verification, At(2026, 11, 20, 18)),
            Open("2026-0003:Review", "2026-0003", "education", StepClock.Review, At(2026, 11, 22, 9)),
            Done("2026-0001:Report", "2026-0001", "propaganda", StepClock.Report, At(2026, 11, 20, 10), TimeSpan.FromMinutes(-10)),
            Done("2026-0001:Review", "2026-0001", "propaganda", StepClock.Review, At(2026, 11, 20, 11), TimeSpan.FromMinutes(30), slips: 2),
            Done("2026-0003:Report", "2026-0003", "education", StepClock.Report, At(2026, 11, 19, 12), TimeSpan.FromHours(1), slips: 3, escalated: true),
            Done("2026-0004:Report", "2026-0004", "education", StepClock.Report, At(2026, 11, 10, 12), TimeSpan.FromHours(2), slips: 4),
            Cancelled("2026-0002:Review", "2026-0002", "propaganda", StepClock.Review, At(2026, 11, 20, 12)),
        }.GroupBy(s => s.CaseNumber))
            steps.InsertNew(ofCase.Key, ofCase.ToList());
    }

    public void Dispose() => _db.Dispose();

    private BriefingAggregator Aggregator(bool everyDay = false)
    {
        var (clock, _) = TestClock.At(At(2026, 11, 21, 8, 30));
        return new BriefingAggregator(_db.Database, new RosterStore(_db.Database), new WorkingCalendar(new CalendarOptions(), Shanghai), clock,
            Options.Create(new ScheduleOptions { DailyReportEveryDay = everyDay }));
    }

    [Fact]
    public void With_its_indexes_the_daily_briefing_counts_from_index_keys_and_reads_only_the_listed_waiting_cases()
    {
        var cases = _db.Database.GetCollection<Case>("cases");
        var clocks = _db.Database.GetCollection<CaseClocks>(OwedStepStore.Collection);

        var open = cases.Query().Where(IndexedCaseFields.OpenCases).Select(BsonExpression.Create("$.OpenUnitId")).GetPlan();
        var waitingCount = cases.Query().Where(IndexedCaseFields.WaitingCases).Select(BsonExpression.Create("$.WaitingSince")).GetPlan();
        var overdue = clocks.Query().Where(Query.Between(nameof(CaseClocks.OpenDueKey), new BsonValue("0"), new BsonValue("9"))).Select(BsonExpression.Create("$.OpenDueKey")).GetPlan();
        var dueInWeek = clocks.Query().Where(BsonExpression.Create($"$.{OwedStepStore.DueWeeksIndex}[*] ANY BETWEEN @0 AND @1", new BsonValue(1L), new BsonValue(2L))).GetPlan();
        var waiting = cases.Query().Where(IndexedCaseFields.WaitingCases).OrderBy(c => c.WaitingSince).Limit(15).GetPlan();

        Assert.Equal((IndexedCaseFields.OpenUnitIndex, "index"), (open["index"]["name"].AsString, open["lookup"]["loader"].AsString));
        Assert.Equal((IndexedCaseFields.WaitingSinceIndex, "index"), (waitingCount["index"]["name"].AsString, waitingCount["lookup"]["loader"].AsString));
        Assert.Equal(("OpenDueKey", "index"), (overdue["index"]["name"].AsString, overdue["lookup"]["loader"].AsString));
        Assert.Equal(OwedStepStore.DueWeeksIndex, dueInWeek["index"]["name"].AsString);
        Assert.Equal(IndexedCaseFields.WaitingSinceIndex, waiting["index"]["name"].AsString);
        Assert.False(waiting.ContainsKey("orderBy"), waiting.ToString());
    }

    [Fact]
    public void The_daily_figures_count_yesterdays_cases_list_overdue_first_and_name_the_units_that_did_not_report()
    {
        var f = Aggregator().Daily(Friday, At(2026, 11, 21, 8, 30));

        Assert.Equal(2, f.NewCases);
        Assert.Equal([(CaseLevel.II, 1), (CaseLevel.IV, 1)], f.ByLevel);
        Assert.Equal([("propaganda", 2)], f.ByUnit);
        Assert.Equal([(Platform.Weibo, 1), (Platform.Douyin, 1)], f.ByPlatform.OrderBy(p => p.Platform));
        Assert.Equal(3, f.OpenCases);
        Assert.Equal(1, f.OverdueCases);
        Assert.Equal(["2026-0002", "2026-0001", "2026-0003"], f.OpenShown.Select(c => c.Number));
        Assert.Equal(At(2026, 11, 20, 18), f.OpenShown[0].OverdueSince);
        Assert.Null(f.OpenShown[1].OverdueSince);
        Assert.True(f.ReportingDay);
        Assert.Equal(["education"], f.MissedReportUnits);
        Assert.Equal(2, f.WaitingForLeader);
        Assert.Equal(["2026-0003", "2026-0001"], f.WaitingShown.Select(c => c.Number));
    }

    [Fact]
    public void On_a_weekend_no_daily_report_was_due_unless_every_day_is_configured()
    {
        var saturday = Friday.AddDays(1);
        var weekend = Aggregator().Daily(saturday, At(2026, 11, 22, 8, 30));
        Assert.False(weekend.ReportingDay);
        Assert.Empty(weekend.MissedReportUnits);

        var everyDay = Aggregator(everyDay: true).Daily(saturday, At(2026, 11, 22, 8, 30));
        Assert.True(everyDay.ReportingDay);
        Assert.Equal(["education", "health", "propaganda"], everyDay.MissedReportUnits.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_weekly_figures_give_on_time_rates_per_unit_and_clock_slips_escalations_compliance_and_trend()
    {
        var f = Aggregator().Weekly(Monday, Monday.AddDays(6));

        Assert.Equal(3, f.Cases);
        Assert.Equal([(CaseLevel.II, 1), (CaseLevel.IV, 2)], f.ByLevel);
        Assert.Equal(5, f.Slips);
        Assert.Equal(1, f.Escalations);
        Assert.Equal(5, f.ReportingDays);

        var propaganda = f.Units.Single(u => u.UnitId == "propaganda");
        Assert.Equal([new ClockRate(StepClock.Report, 1, 1), new ClockRate(StepClock.Review, 1, 0)], propaganda.Clocks);
        Assert.Equal((2, 0, 1, 5), (propaganda.Slips, propaganda.Escalations, propaganda.ReportedDays, propaganda.ReportingDays));
        var education = f.Units.Single(u => u.UnitId == "education");
        Assert.Equal([new ClockRate(StepClock.Report, 1, 0)], education.Clocks);
        Assert.Equal((3, 1, 2), (education.Slips, education.Escalations, education.ReportedDays));
        var health = f.Units.Single(u => u.UnitId == "health");
        Assert.Empty(health.Clocks);
        Assert.Equal(1, health.ReportedDays);

        Assert.Equal(
            [(new DateOnly(2026, 10, 19), 0), (new DateOnly(2026, 10, 26), 0), (new DateOnly(2026, 11, 2), 1), (new DateOnly(2026, 11, 9), 1), (Monday, 3)],
            f.Trend.Select(w => (w.Monday, w.Cases)));
    }

    [Fact]
    public void The_weekly_chart_is_a_small_png()
    {
        var png = new WeeklyChart(Microsoft.Extensions.Logging.Abstractions.NullLogger<WeeklyChart>.Instance)
            .Render([new WeekCount(Monday.AddDays(-7), 4), new WeekCount(Monday, 9)]);
        Assert.NotNull(png);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png![..4]);
        Assert.InRange(png.Length, 100, 60_000);
    }

    [Theory]
    [InlineData("2026-11-16", "2026-11-16")]
    [InlineData("2026-11-22", "2026-11-16")]
    [InlineData("2026-11-19", "2026-11-16")]
    public void Weeks_start_on_monday(string day, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), BriefingAggregator.MondayOf(DateOnly.Parse(day)));

    internal static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Shanghai.GetUtcOffset(local)).ToUniversalTime();
    }

    private static Case NewCase(int n, string unit, CaseLevel level, Platform platform, DateOnly day, CaseState state) => new()
    {
        Number = $"2026-{n:D4}", Year = 2026, Sequence = n, SubmissionId = $"s{n}", Title = $"事件{n}", UnitId = unit, Level = level,
        Platform = platform, ReportedOn = day, ReportedAt = At(day.Year, day.Month, day.Day, 9).AddMinutes(n), DiscoveredAt = At(day.Year, day.Month, day.Day, 8),
        State = state,
    };

    private static OwedStep Open(string id, string number, string unit, StepClock clock, DateTimeOffset due) => new()
    {
        Id = id, CaseNumber = number, UnitId = unit, Clock = clock, StartedAt = due.AddHours(-1), DueAt = due, OpenDueAt = due,
    };

    private static OwedStep Done(string id, string number, string unit, StepClock clock, DateTimeOffset due, TimeSpan lateness, int slips = 0, bool escalated = false) => new()
    {
        Id = id, CaseNumber = number, UnitId = unit, Clock = clock, StartedAt = due.AddHours(-1), DueAt = due, Open = false,
        DoneAt = due + lateness, Lateness = lateness, SlipsSent = slips, Escalated = escalated,
    };

    private static OwedStep Cancelled(string id, string number, string unit, StepClock clock, DateTimeOffset due) => new()
    {
        Id = id, CaseNumber = number, UnitId = unit, Clock = clock, StartedAt = due.AddHours(-1), DueAt = due, Open = false,
        DoneAt = due, Cancelled = true, SlipsSent = 5, Escalated = true,
    };
}
