using OpinionBot.Briefings;
using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Tests.Briefings;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>The briefing figures of BriefingAggregatorTests' week (Mon 2026-11-16, Asia/Shanghai), stored through the interfaces: the same on both stores.</summary>
public abstract class BriefingFiguresContract : StoreContract
{
    private static readonly DateOnly Monday = new(2026, 11, 16);
    private static readonly DateOnly Friday = new(2026, 11, 20);
    private static readonly Actor Officer = new("o@x", "29:o", "陈静", [], [], [], false, false, false);

    protected BriefingFiguresContract(StoreSet stores) : base(stores)
    {
        foreach (var (id, name) in new[] { ("propaganda", "宣传部"), ("education", "教育局"), ("health", "卫健委") })
            Stores.Roster.Save(new Unit { Id = id, Name = name, SupervisingLeaders = ["l@x"] });
        Stores.Transaction.Run(() =>
        {
            foreach (var c in new[]
            {
                Case(1, "propaganda", CaseLevel.II, Platform.Weibo, Friday, CaseState.Reported),
                Case(2, "propaganda", CaseLevel.IV, Platform.Douyin, Friday, CaseState.InProgress),
                Case(3, "education", CaseLevel.IV, Platform.Weibo, Friday.AddDays(-1), CaseState.PrincipalReview),
                Case(4, "education", CaseLevel.III, Platform.Weibo, new DateOnly(2026, 11, 10), CaseState.Archived),
                Case(5, "health", CaseLevel.IV, Platform.Forum, new DateOnly(2026, 11, 2), CaseState.Dismissed),
            })
                Stores.Cases.Insert(c);
        });
        Stores.DailyReports.RecordZero("health", Friday, Officer, At(2026, 11, 20, 15));
        Stores.DailyReports.RecordZero("education", Friday.AddDays(-2), Officer, At(2026, 11, 18, 15));
        foreach (var step in new[]
        {
            Step("2026-0002:Verification", "2026-0002", "propaganda", StepClock.Verification, At(2026, 11, 20, 18)),
            Step("2026-0003:Review", "2026-0003", "education", StepClock.Review, At(2026, 11, 22, 9)),
            Step("2026-0001:Report", "2026-0001", "propaganda", StepClock.Report, At(2026, 11, 20, 10), TimeSpan.FromMinutes(-10)),
            Step("2026-0001:Review", "2026-0001", "propaganda", StepClock.Review, At(2026, 11, 20, 11), TimeSpan.FromMinutes(30), slips: 2),
            Step("2026-0003:Report", "2026-0003", "education", StepClock.Report, At(2026, 11, 19, 12), TimeSpan.FromHours(1), slips: 3, escalated: true),
            Step("2026-0004:Report", "2026-0004", "education", StepClock.Report, At(2026, 11, 10, 12), TimeSpan.FromHours(2), slips: 4),
        })
            Stores.Steps.Save(step);
        var cancelled = Step("2026-0002:Review", "2026-0002", "propaganda", StepClock.Review, At(2026, 11, 20, 12), TimeSpan.Zero, slips: 5, escalated: true);
        (cancelled.Cancelled, cancelled.Lateness) = (true, null);
        Stores.Steps.Save(cancelled);
    }

    [Fact]
    public void The_daily_figures()
    {
        var f = Stores.Aggregator().Daily(Friday, At(2026, 11, 21, 8, 30));

        Assert.Equal((2, 3, 1, 2), (f.NewCases, f.OpenCases, f.OverdueCases, f.WaitingForLeader));
        Assert.Equal([(CaseLevel.II, 1), (CaseLevel.IV, 1)], f.ByLevel);
        Assert.Equal([("propaganda", 2)], f.ByUnit);
        Assert.Equal([(Platform.Weibo, 1), (Platform.Douyin, 1)], f.ByPlatform.OrderBy(p => p.Platform));
        Assert.Equal(["2026-0002", "2026-0001", "2026-0003"], f.OpenShown.Select(c => c.Number));
        Assert.Equal([At(2026, 11, 20, 18), null, null], f.OpenShown.Select(c => c.OverdueSince));
        Assert.Equal(["education"], f.MissedReportUnits);
        Assert.Equal(["2026-0003", "2026-0001"], f.WaitingShown.Select(c => c.Number));
        Assert.False(Stores.Aggregator().Daily(Friday.AddDays(1), At(2026, 11, 22, 8, 30)).ReportingDay);
    }

    [Fact]
    public void The_weekly_figures()
    {
        var f = Stores.Aggregator().Weekly(Monday, Monday.AddDays(6));

        Assert.Equal((3, 5, 1, 5), (f.Cases, f.Slips, f.Escalations, f.ReportingDays));
        Assert.Equal([(CaseLevel.II, 1), (CaseLevel.IV, 2)], f.ByLevel);
        var propaganda = f.Units.Single(u => u.UnitId == "propaganda");
        Assert.Equal([new ClockRate(StepClock.Report, 1, 1), new ClockRate(StepClock.Review, 1, 0)], propaganda.Clocks);
        Assert.Equal((2, 0, 1), (propaganda.Slips, propaganda.Escalations, propaganda.ReportedDays));
        var education = f.Units.Single(u => u.UnitId == "education");
        Assert.Equal((3, 1, 2), (education.Slips, education.Escalations, education.ReportedDays));
        Assert.Equal(1, f.Units.Single(u => u.UnitId == "health").ReportedDays);
        Assert.Equal([0, 0, 1, 1, 3], f.Trend.Select(w => w.Cases));
    }

    private static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0) => BriefingAggregatorTests.At(year, month, day, hour, minute);

    private static Case Case(int n, string unit, CaseLevel level, Platform platform, DateOnly day, CaseState state) => new()
    {
        Number = $"2026-{n:D4}", Year = 2026, Sequence = n, SubmissionId = $"s{n}", Title = $"事件{n}", UnitId = unit, Level = level,
        Platform = platform, ReportedOn = day, ReportedAt = At(day.Year, day.Month, day.Day, 9).AddMinutes(n), DiscoveredAt = At(day.Year, day.Month, day.Day, 8),
        State = state,
    };

    private static OwedStep Step(string id, string number, string unit, StepClock clock, DateTimeOffset due, TimeSpan? lateness = null, int slips = 0, bool escalated = false) => new()
    {
        Id = id, CaseNumber = number, UnitId = unit, Clock = clock, StartedAt = due.AddHours(-1), DueAt = due,
        Open = lateness is null, OpenDueAt = lateness is null ? due : null, DoneAt = lateness is { } late ? due + late : null, Lateness = lateness,
        SlipsSent = slips, Escalated = escalated,
    };
}

public sealed class BriefingFiguresOnLiteDb() : BriefingFiguresContract(StoreSet.LiteDb());

/// <summary>A fresh database for each test here (the fixture data would otherwise be stored twice).</summary>
[Collection(PostgresCollection.Name)]
public sealed class BriefingFiguresOnPostgreSql(PostgresFixture postgres)
    : BriefingFiguresContract(StoreSet.PostgreSql(postgres.CreateDatabaseAsync(migrate: true).GetAwaiter().GetResult()));
