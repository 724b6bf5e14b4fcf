using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using OpinionBot.Briefings;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace OpinionBot.LoadTest;

/// <summary>
/// The third mode (<c>briefing</c>): a fresh LiteDB file filled with N cases over about two years (with their owed
/// steps and the units' zero reports, bulk-inserted), then the daily-briefing and weekly-summary aggregations timed
/// over it, cold and warm, with the query plans of the main queries and the size of the resulting cards.
/// </summary>
public static class BriefingBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OpinionBot.LoadTest -- briefing [options]

          --cases N        cases to fill the database with (default 1000000)
          --units U        units they are spread over (default 200)
          --days D         days they are spread over, ending yesterday (default 730)
          --runs R         timed runs of each aggregation after the first (default 5)
          --keep           keep the database file afterwards
          --help           this text
        """;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static int Run(string[] args)
    {
        int cases = 1_000_000, units = 200, days = 730, runs = 5;
        var keep = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") { Console.WriteLine(Usage); return 0; }
            if (args[i] == "--keep") { keep = true; continue; }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                Console.Error.WriteLine($"Option {args[i]} needs a whole number ≥ 1.\n\n{Usage}");
                return 2;
            }

            switch (args[i++])
            {
                case "--cases": cases = value; break;
                case "--units": units = value; break;
                case "--days": days = value; break;
                case "--runs": runs = value; break;
                default: Console.Error.WriteLine($"Unknown option '{args[i - 1]}'.\n\n{Usage}"); return 2;
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-briefing-bench", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(folder, "briefing.db");
        // Monday 2026-11-23 08:30 in Shanghai: the daily briefing covers Sunday 11-22, the weekly summary 11-16..11-22.
        var now = new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);
        var today = new DateOnly(2026, 11, 23);
        try
        {
            Console.WriteLine("OpinionBot briefing aggregation benchmark");
            Console.WriteLine($"  machine      {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
            Console.WriteLine($"  database     {path}");
            var unitIds = Enumerable.Range(1, units).Select(u => $"unit-{u:D3}").ToList();
            var fill = Stopwatch.StartNew();
            var counts = Fill(path, cases, unitIds, days, today, now);
            fill.Stop();
            Console.WriteLine($"  filled       {counts.Cases:N0} cases ({counts.Open:N0} open), {counts.Steps:N0} owed steps ({counts.Overdue:N0} overdue), "
                + $"{counts.Zero:N0} zero reports, {units} units over {days} days in {fill.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(path).Length / 1048576.0:0} MB");

            using var database = LiteDbRegistration.Open(path);
            var roster = new RosterStore(database);
            var clock = new OrganizationClock(new FixedTime(now), MsOptions.Create(new OrganizationOptions { TimeZone = "Asia/Shanghai" }));
            var calendar = new WorkingCalendar(new CalendarOptions(), Shanghai);
            var aggregator = new BriefingAggregator(database, roster, calendar, clock, MsOptions.Create(new ScheduleOptions()));
            var cards = new BriefingCards(new BotTexts(), clock, roster);
            var yesterday = today.AddDays(-1);
            var monday = BriefingAggregator.MondayOf(yesterday);

            PrintPlans(database, yesterday, now);

            var daily = Time("daily", runs, () => aggregator.Daily(yesterday, now));
            Console.WriteLine($"               {daily.NewCases} new cases, {daily.OpenCases:N0} open ({daily.OverdueCases:N0} overdue), "
                + $"{daily.MissedReportUnits.Count} units missed the report, {daily.WaitingForLeader:N0} waiting for a leader");
            var weekly = Time("weekly", runs, () => aggregator.Weekly(monday, monday.AddDays(6)));
            Console.WriteLine($"               {weekly.Cases:N0} cases, {weekly.Units.Sum(u => u.Clocks.Sum(c => c.Done)):N0} steps done, "
                + $"{weekly.Slips:N0} slips, {weekly.Escalations:N0} escalations; trend {string.Join(" ", weekly.Trend.Select(w => w.Cases))}");
            var soFar = Time("stats", runs, () => aggregator.Weekly(BriefingAggregator.MondayOf(today), today));
            _ = soFar;

            foreach (var language in Enum.GetValues<Language>())
            {
                var d = Encoding.UTF8.GetByteCount(cards.Daily(daily, language, late: false).ToJson().ToJsonString());
                var w = Encoding.UTF8.GetByteCount(cards.Weekly(weekly, language, late: false).ToJson().ToJsonString());
                Console.WriteLine($"  cards {language.Tag(),-6} daily {d:N0} bytes, weekly {w:N0} bytes (limit {OpinionBot.Cards.AdaptiveCard.MaxBytes:N0})");
            }

            var chart = new WeeklyChart(NullLogger<WeeklyChart>.Instance);
            var chartTime = Stopwatch.StartNew();
            var png = chart.Render(weekly.Trend);
            Console.WriteLine(png is null
                ? "  chart        not drawn (SkiaSharp native library unavailable)"
                : $"  chart        {WeeklyChart.Width}×{WeeklyChart.Height} PNG, {png.Length:N0} bytes ({(png.Length + 2) / 3 * 4:N0} as base64), first render {chartTime.Elapsed.TotalMilliseconds:0} ms");
            Console.WriteLine($"  memory       peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB");
            return 0;
        }
        finally
        {
            if (!keep)
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static T Time<T>(string name, int runs, Func<T> work)
    {
        var cold = Stopwatch.StartNew();
        var result = work();
        cold.Stop();
        var warm = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            result = work();
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }

        warm.Sort();
        Console.WriteLine($"  {name,-12} first {cold.Elapsed.TotalMilliseconds:0.0} ms, then median {warm[warm.Count / 2]:0.0} ms, max {warm[^1]:0.0} ms ({runs} runs)");
        return result;
    }

    private static void PrintPlans(ILiteDatabase database, DateOnly day, DateTimeOffset now)
    {
        var cases = database.GetCollection<Case>("cases");
        var steps = database.GetCollection<OwedStep>("owed_steps");
        var date = new BsonValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        string Plan(BsonDocument plan) => $"{plan["index"]["name"].AsString} ({plan["index"]["expr"].AsString}, cost {plan["index"]["cost"]})";
        Console.WriteLine("  query plans");
        Console.WriteLine($"    new cases of the day   {Plan(cases.Query().Where(Query.EQ(nameof(Case.ReportedOn), date)).GetPlan())}");
        Console.WriteLine($"    open count             {Plan(cases.Query().Where(Query.In(nameof(Case.State), new BsonValue("Reported"), new BsonValue("InProgress"))).GetPlan())}");
        Console.WriteLine($"    newest open            {Plan(cases.Query().OrderByDescending(c => c.ReportedAt).Limit(500).GetPlan())}");
        Console.WriteLine($"    overdue steps          {Plan(steps.Query().Where(Query.Between(nameof(OwedStep.OpenDueAt), new BsonValue(DateTime.MinValue), new BsonValue(now.UtcDateTime))).GetPlan())}");
        Console.WriteLine($"    steps done in the week {Plan(steps.Query().Where(Query.Between(nameof(OwedStep.DoneAt), new BsonValue(now.UtcDateTime.AddDays(-7)), new BsonValue(now.UtcDateTime))).GetPlan())}");
    }

    private sealed record Counts(int Cases, int Open, int Steps, int Overdue, int Zero);

    /// <summary>Cases spread evenly over the days (unevenly over units), older than 30 days closed; two done steps each, an open one for open cases.</summary>
    private static Counts Fill(string path, int total, List<string> unitIds, int days, DateOnly today, DateTimeOffset now)
    {
        using var database = LiteDbRegistration.Open(path);
        var transaction = new StoreTransaction(database);
        var caseStore = new CaseStore(database, transaction);
        caseStore.EnsureIndexes();
        new OwedStepStore(database).EnsureIndexes();
        new DailyReportStore(database, transaction, caseStore).EnsureIndexes();
        var roster = new RosterStore(database);
        roster.EnsureIndexes();
        foreach (var id in unitIds)
            roster.Save(new Unit { Id = id, Name = $"单位{id[^3..]}", SupervisingLeaders = ["leader@example.org"] });

        var cases = database.GetCollection<Case>("cases");
        var steps = database.GetCollection<OwedStep>("owed_steps");
        var zeros = database.GetCollection<ZeroReport>("zero_reports");
        var random = new Random(20261123);
        var levels = Enum.GetValues<CaseLevel>();
        var platforms = Enum.GetValues<Platform>();
        var states = Enum.GetValues<CaseState>();
        var first = today.AddDays(-days);
        const int Batch = 20_000;
        int open = 0, stepCount = 0, overdue = 0, zeroCount = 0;
        var reported = new HashSet<(string, DateOnly)>();
        var caseBatch = new List<Case>(Batch);
        var stepBatch = new List<OwedStep>(Batch * 3);

        for (var n = 1; n <= total; n++)
        {
            var day = first.AddDays((int)((long)(n - 1) * days / total));
            var unit = unitIds[(int)(Math.Pow(random.NextDouble(), 2) * unitIds.Count)];
            reported.Add((unit, day));
            var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 600));
            var reportedAt = new DateTimeOffset(local, Shanghai.GetUtcOffset(local)).ToUniversalTime();
            var recent = today.DayNumber - day.DayNumber <= 30;
            var state = recent ? states[random.Next(states.Length)] : random.Next(10) == 0 ? CaseState.Dismissed : CaseState.Archived;
            var number = $"{2024 + n / 500_000}-{n:D7}";
            caseBatch.Add(new Case
            {
                Number = number, Year = 2026, Sequence = n, SubmissionId = $"bench-{n}", Title = $"某单位相关舆情 {n}",
                Summary = "网民反映的情况，已核实处理。", Links = [$"https://weibo.com/{n}"], Platform = platforms[random.Next(platforms.Length)],
                DiscoveredAt = reportedAt.AddMinutes(-random.Next(10, 120)), ReportedAt = reportedAt, ReporterKey = "officer@example.org",
                ReporterName = "王芳", UnitId = unit, Level = levels[Math.Min(3, random.Next(0, 12) / 3)], State = state, ReportedOn = day,
            });
            foreach (var (clock, hours) in new[] { (StepClock.Report, 2.0), (StepClock.Review, 1.0) })
            {
                var due = reportedAt.AddHours(hours);
                var lateness = TimeSpan.FromMinutes(random.Next(-50, 40));
                var slips = lateness > TimeSpan.Zero ? random.Next(1, 4) : 0;
                stepBatch.Add(new OwedStep
                {
                    Id = $"{number}:{clock}", CaseNumber = number, UnitId = unit, Clock = clock, StartedAt = reportedAt, DueAt = due, Open = false,
                    DoneAt = due + lateness, Lateness = lateness, SlipsSent = slips, Escalated = slips >= 3,
                });
            }

            if (state.IsOpen())
            {
                open++;
                var due = reportedAt.AddHours(random.Next(1, 240));
                if (due < now) overdue++;
                stepBatch.Add(new OwedStep
                {
                    Id = $"{number}:{StepClock.Resolve}", CaseNumber = number, UnitId = unit, Clock = StepClock.Resolve, StartedAt = reportedAt,
                    DueAt = due, OpenDueAt = due, OwedBy = StepOwner.Officer,
                });
            }

            if (caseBatch.Count == Batch || n == total)
            {
                cases.InsertBulk(caseBatch);
                steps.InsertBulk(stepBatch);
                stepCount += stepBatch.Count;
                caseBatch.Clear();
                stepBatch.Clear();
            }
        }

        var zeroBatch = new List<ZeroReport>();
        for (var day = first; day < today; day = day.AddDays(1))
        {
            foreach (var unit in unitIds)
            {
                if (reported.Contains((unit, day)) || random.Next(10) < 2) continue;
                zeroBatch.Add(new ZeroReport { Id = ZeroReport.IdFor(unit, day), UnitId = unit, Day = day, ByKey = "officer@example.org", ByName = "王芳" });
            }
        }

        zeros.InsertBulk(zeroBatch);
        zeroCount = zeroBatch.Count;
        database.Checkpoint();
        return new Counts(total, open, stepCount, overdue, zeroCount);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
