using System.Text.Json;
using OpinionBot.Briefings;
using OpinionBot.Cases;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Tests.Briefings;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>
/// The indexed briefing aggregation against a plain count over every case, step and zero report held in memory, on a
/// varied random data set (every state, level, platform; open, overdue, done late, cancelled, escalated steps; zero
/// reports), for several days and weeks: the same figures on both stores.
/// </summary>
public abstract class BriefingAgainstPlainCountingContract : StoreContract
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };
    private static readonly DateOnly First = new(2026, 10, 12);
    private static readonly string[] Units = ["u01", "u02", "u03", "u04", "u05", "u06"];

    private readonly List<Case> _cases = [];
    private readonly List<OwedStep> _steps = [];
    private readonly List<(string Unit, DateOnly Day)> _zeros = [];

    protected BriefingAgainstPlainCountingContract(StoreSet stores) : base(stores)
    {
        var random = new Random(1123);
        foreach (var unit in Units)
            Stores.Roster.Save(new Unit { Id = unit, Name = unit, SupervisingLeaders = ["l@x"] });
        var states = Enum.GetValues<CaseState>();
        var levels = Enum.GetValues<CaseLevel>();
        var platforms = Enum.GetValues<Platform>();
        var clocks = Enum.GetValues<StepClock>();
        for (var n = 1; n <= 240; n++)
        {
            var day = First.AddDays(random.Next(0, 42));
            var reportedAt = At(day, 8).AddMinutes(random.Next(0, 14 * 60)).AddSeconds(n);
            _cases.Add(new Case
            {
                Number = $"2026-{n:D4}", Year = 2026, Sequence = n, SubmissionId = $"plain-{n}", Title = $"事件{n}", UnitId = Units[random.Next(Units.Length)],
                Level = levels[random.Next(levels.Length)], Platform = platforms[random.Next(platforms.Length)], ReportedOn = day, ReportedAt = reportedAt,
                DiscoveredAt = reportedAt.AddMinutes(-30), State = states[random.Next(states.Length)],
            });
            for (var s = 0; s < random.Next(1, 4); s++)
            {
                var due = reportedAt.AddHours(random.Next(1, 24 * 12));
                var kind = random.Next(4); // open, done, done late, cancelled
                var step = new OwedStep
                {
                    Id = $"2026-{n:D4}:{s}", CaseNumber = _cases[^1].Number, UnitId = random.Next(5) == 0 ? Units[random.Next(Units.Length)] : _cases[^1].UnitId,
                    Clock = clocks[random.Next(clocks.Length)], StartedAt = reportedAt, DueAt = due, SlipsFrom = due, Open = kind == 0,
                    OpenDueAt = kind == 0 ? due : null, SlipsSent = random.Next(0, 4), Escalated = random.Next(4) == 0,
                };
                if (kind is 1 or 2)
                    (step.DoneAt, step.Lateness) = (due + TimeSpan.FromMinutes(kind == 1 ? -random.Next(0, 90) : random.Next(1, 600)), null);
                if (step.DoneAt is { } done) step.Lateness = done - due;
                if (kind == 3) (step.Cancelled, step.DoneAt) = (true, due.AddHours(-1));
                _steps.Add(step);
            }
        }

        for (var day = First; day < First.AddDays(42); day = day.AddDays(1))
            foreach (var unit in Units.Where(_ => random.Next(3) == 0))
                _zeros.Add((unit, day));

        Stores.Transaction.Run(() => _cases.ForEach(Stores.Cases.Insert));
        _steps.ForEach(Stores.Steps.Save);
        var officer = new Actor("o@x", "29:o", "陈静", [], [], [], false, false, false);
        foreach (var (unit, day) in _zeros)
            Stores.DailyReports.RecordZero(unit, day, officer, At(day, 17));
    }

    public static TheoryData<int> Days => [3, 10, 17, 24, 30, 36, 40];

    [Theory]
    [MemberData(nameof(Days))]
    public void The_daily_figures_are_those_of_a_plain_count(int offset)
    {
        var day = First.AddDays(offset);
        var now = At(day.AddDays(1), 8, 30);
        var aggregator = Stores.Aggregator();

        Assert.Equal(JsonSerializer.Serialize(PlainDaily(day, now, aggregator.IsReportingDay(day)), Json), JsonSerializer.Serialize(aggregator.Daily(day, now), Json));
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void The_weekly_figures_are_those_of_a_plain_count(int offset)
    {
        var monday = BriefingAggregator.MondayOf(First.AddDays(offset));
        var through = offset % 2 == 0 ? monday.AddDays(6) : monday.AddDays(3);
        var aggregator = Stores.Aggregator();

        Assert.Equal(JsonSerializer.Serialize(PlainWeekly(monday, through, aggregator.IsReportingDay), Json), JsonSerializer.Serialize(aggregator.Weekly(monday, through), Json));
    }

    private DailyFigures PlainDaily(DateOnly day, DateTimeOffset now, bool reportingDay)
    {
        var fresh = _cases.Where(c => c.ReportedOn == day).ToList();
        var overdue = _steps.Where(s => s.Open && s.DueAt < now).GroupBy(s => s.CaseNumber).ToDictionary(g => g.Key, g => g.Min(s => s.DueAt));
        var open = _cases.Where(c => c.State.IsOpen()).ToList();
        var shown = open.Where(c => overdue.ContainsKey(c.Number)).OrderBy(c => overdue[c.Number]).ThenBy(c => c.Number, StringComparer.Ordinal)
            .Select(c => Line(c, overdue[c.Number]))
            .Concat(open.Where(c => !overdue.ContainsKey(c.Number)).OrderByDescending(c => c.ReportedAt).Select(c => Line(c, null)))
            .Take(BriefingAggregator.ListLimit).ToList();
        var reported = fresh.Select(c => c.UnitId).Concat(_zeros.Where(z => z.Day == day).Select(z => z.Unit)).ToHashSet();
        var waiting = _cases.Where(c => c.State is CaseState.Reported or CaseState.PrincipalReview).ToList();
        return new DailyFigures(day, fresh.Count,
            fresh.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            fresh.GroupBy(c => c.UnitId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList(),
            fresh.GroupBy(c => c.Platform).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            open.Count, overdue.Count, shown, reportingDay, reportingDay ? Units.Where(u => !reported.Contains(u)).ToList() : [],
            waiting.Count, waiting.OrderBy(c => c.ReportedAt).Take(BriefingAggregator.ListLimit).Select(c => Line(c, overdue.TryGetValue(c.Number, out var since) ? since : null)).ToList());
    }

    private WeeklyFigures PlainWeekly(DateOnly monday, DateOnly through, Func<DateOnly, bool> reportingDay)
    {
        var week = _cases.Where(c => c.ReportedOn >= monday && c.ReportedOn <= through).ToList();
        var (start, end) = (At(monday, 0), At(through.AddDays(1), 0));
        var done = _steps.Where(s => s.DoneAt >= start && s.DoneAt < end && !s.Cancelled && s.Lateness is not null).ToList();
        var due = _steps.Where(s => s.DueAt >= start && s.DueAt < end && !s.Cancelled).ToList();
        var days = Enumerable.Range(0, through.DayNumber - monday.DayNumber + 1).Select(monday.AddDays).Where(reportingDay).ToList();
        var reported = week.Select(c => (c.UnitId, c.ReportedOn)).Concat(_zeros).ToHashSet();
        var units = Units.Concat(week.Select(c => c.UnitId)).Concat(done.Select(s => s.UnitId)).Concat(due.Select(s => s.UnitId))
            .Distinct().Order(StringComparer.Ordinal)
            .Select(u => new UnitWeek(u, week.Count(c => c.UnitId == u),
                done.Where(s => s.UnitId == u).GroupBy(s => s.Clock).OrderBy(g => g.Key).Select(g => new ClockRate(g.Key, g.Count(), g.Count(s => s.OnTime))).ToList(),
                due.Where(s => s.UnitId == u).Sum(s => s.SlipsSent), due.Count(s => s.UnitId == u && s.Escalated), days.Count(d => reported.Contains((u, d))), days.Count))
            .ToList();
        var trend = Enumerable.Range(1, 4).Reverse().Select(back => monday.AddDays(-7 * back))
            .Select(m => new WeekCount(m, _cases.Count(c => c.ReportedOn >= m && c.ReportedOn <= m.AddDays(6))))
            .Append(new WeekCount(monday, week.Count)).ToList();
        return new WeeklyFigures(monday, through, week.Count, week.GroupBy(c => c.Level).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList(),
            units, due.Sum(s => s.SlipsSent), due.Count(s => s.Escalated), days.Count, trend);
    }

    private static BriefingCase Line(Case c, DateTimeOffset? overdueSince) => new(c.Number, c.Title, c.Level, c.UnitId, c.State, overdueSince);

    private static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        BriefingAggregatorTests.At(day.Year, day.Month, day.Day, hour, minute);
}

public sealed class BriefingAgainstPlainCountingOnLiteDb() : BriefingAgainstPlainCountingContract(StoreSet.LiteDb());

[Collection(PostgresCollection.Name)]
public sealed class BriefingAgainstPlainCountingOnPostgreSql(PostgresFixture postgres)
    : BriefingAgainstPlainCountingContract(StoreSet.PostgreSql(postgres.CreateDatabaseAsync(migrate: true).GetAwaiter().GetResult()));
