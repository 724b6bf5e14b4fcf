using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using OpinionBot.Briefings;
using OpinionBot.Briefings.PostgreSql;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Roster.PostgreSql;
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
          --store S        LiteDb (default, a fresh file) or PostgreSql (a throw-away server, filled with COPY)
          --keep           keep the LiteDB file afterwards (its path is printed)
          --reuse FILE     LiteDB: time over a file kept by an earlier run (same --cases/--units/--days) instead of filling one
          --help           this text
        """;

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static int Run(string[] args)
    {
        int cases = 1_000_000, units = 200, days = 730, runs = 5;
        var keep = false;
        var postgreSql = false;
        string? reuse = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") { Console.WriteLine(Usage); return 0; }
            if (args[i] == "--keep") { keep = true; continue; }
            if (args[i] == "--reuse" && i + 1 < args.Length) { reuse = args[++i]; continue; }
            if (args[i] == "--store" && i + 1 < args.Length && BenchStore.OnPostgreSql(args[i + 1]) is { } pg) { postgreSql = pg; i++; continue; }
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

        // Monday 2026-11-23 08:30 in Shanghai: the daily briefing covers Sunday 11-22, the weekly summary 11-16..11-22.
        var now = new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero);
        var today = new DateOnly(2026, 11, 23);
        var store = postgreSql ? BenchStore.Open(postgreSql: true, "briefing") : null;
        var folder = reuse is null ? Path.Combine(Path.GetTempPath(), "opinionbot-briefing-bench", Guid.NewGuid().ToString("N")) : null;
        var path = reuse ?? Path.Combine(folder!, "briefing.db");
        try
        {
            Console.WriteLine("OpinionBot briefing aggregation benchmark");
            Console.WriteLine($"  machine      {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}; load average {OverdueBenchmark.LoadAverage()}");
            Console.WriteLine($"  database     {store?.Description ?? path}");
            var unitIds = Enumerable.Range(1, units).Select(u => $"unit-{u:D3}").ToList();
            if (reuse is null)
            {
                var fill = Stopwatch.StartNew();
                var counts = store is null ? Fill(path, cases, unitIds, days, today, now) : Fill(store, cases, unitIds, days, today, now);
                fill.Stop();
                Console.WriteLine($"  filled       {counts.Cases:N0} cases ({counts.Open:N0} open), {counts.Steps:N0} owed steps ({counts.Overdue:N0} overdue), "
                    + $"{counts.Zero:N0} zero reports, {units} units over {days} days in {fill.Elapsed.TotalSeconds:0.0} s; {(store?.Size() ?? new FileInfo(path).Length) / 1048576.0:0} MB");
            }

            using var database = store is null ? LiteDbRegistration.Open(path) : null;
            IRosterStore roster = database is null ? new PostgresRosterStore(store!.Postgres!) : new RosterStore(database);
            var clock = new OrganizationClock(new FixedTime(now), MsOptions.Create(new OrganizationOptions { TimeZone = "Asia/Shanghai" }));
            var calendar = new WorkingCalendar(new CalendarOptions(), Shanghai);
            IBriefingAggregator aggregator = database is null
                ? new PostgresBriefingAggregator(store!.Postgres!, roster, calendar, clock, MsOptions.Create(new ScheduleOptions()))
                : new BriefingAggregator(database, (RosterStore)roster, calendar, clock, MsOptions.Create(new ScheduleOptions()));
            var cards = new BriefingCards(new BotTexts(), clock, roster);
            var yesterday = today.AddDays(-1);
            var monday = BriefingAggregator.MondayOf(yesterday);

            if (database is not null)
            {
                var indexing = Stopwatch.StartNew();
                new OwedStepStore(database).EnsureIndexes();
                new CaseStore(database, new StoreTransaction(database)).EnsureIndexes();
                if (indexing.Elapsed > TimeSpan.FromSeconds(1))
                    Console.WriteLine($"  indexes      made in {indexing.Elapsed.TotalSeconds:0.0} s (a file from before them)");
                PrintPlans(database, yesterday, now);
                Probe(database, yesterday, now, runs);
            }

            if (store?.Postgres is { } pgProbe)
                ProbePostgres(pgProbe, yesterday, now, runs);

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
            store?.Dispose();
            if (keep && folder is not null)
                Console.WriteLine($"  kept         {path} (--reuse {path})");
            else if (folder is not null)
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
        var clocks = database.GetCollection<CaseClocks>(OwedStepStore.Collection);
        var date = new BsonValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        string Plan(BsonDocument plan) => $"{plan["index"]["name"].AsString} ({plan["index"]["expr"].AsString}, cost {plan["index"]["cost"]})";
        Console.WriteLine("  query plans");
        Console.WriteLine($"    new cases of the day   {Plan(cases.Query().Where(Query.EQ(nameof(Case.ReportedOn), date)).GetPlan())}");
        Console.WriteLine($"    open count             {Plan(cases.Query().Where(IndexedCaseFields.OpenCases).Select(IndexedCaseFields.OpenUnitKey).GetPlan())}");
        Console.WriteLine($"    newest open            {Plan(cases.Query().OrderByDescending(c => c.ReportedAt).Limit(500).GetPlan())}");
        Console.WriteLine($"    overdue cases          {Plan(clocks.Query().Where(Query.Between(nameof(CaseClocks.OpenDueKey), new BsonValue("0"), new BsonValue(now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)))).GetPlan())}");
        Console.WriteLine($"    steps done in the week {Plan(clocks.Query().Where(BsonExpression.Create($"$.{OwedStepStore.DoneWeeksIndex}[*] ANY BETWEEN @0 AND @1", new BsonValue(CaseClocks.WeekOf(now.AddDays(-7))), new BsonValue(CaseClocks.WeekOf(now)))).GetPlan())}");
    }

    /// <summary>Each query of the daily briefing on its own (median of the runs): where its time goes on LiteDB.</summary>
    private static void Probe(ILiteDatabase database, DateOnly day, DateTimeOffset now, int runs)
    {
        var cases = database.GetCollection<Case>("cases");
        var clocks = database.GetCollection<CaseClocks>(OwedStepStore.Collection);
        var date = new BsonValue(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var open = IndexedCaseFields.OpenCases;
        var waiting = IndexedCaseFields.WaitingCases;
        void Part(string name, Func<int> work)
        {
            var count = work();
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                work();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.WriteLine($"    {name,-34} {times[times.Count / 2],8:0.0} ms  ({count:N0} rows)");
        }

        Console.WriteLine("  daily, query by query (median)");
        Part("new cases of the day (projection)", () => cases.Query().Where(Query.EQ(nameof(Case.ReportedOn), date)).Select(BsonExpression.Create("{ l: $.Level, u: $.UnitId, p: $.Platform }")).ToDocuments().Count());
        Part("open count (Count)", () => cases.Count(open));
        Part("open count (index keys only)", () => cases.Query().Where(open).Select(IndexedCaseFields.OpenUnitKey).ToDocuments().Count());
        Part("waiting count (index keys only)", () => cases.Query().Where(waiting).Select(IndexedCaseFields.WaitingSinceKey).ToDocuments().Count());
        Part("overdue (OpenDueKey keys only)", () => clocks.Query().Where(Query.Between(nameof(CaseClocks.OpenDueKey), new BsonValue("0"), new BsonValue(now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)))).Select(BsonExpression.Create("$.OpenDueKey")).ToDocuments().Count());
        Part("waiting, oldest 15 (WaitingSince)", () => cases.Query().Where(waiting).OrderBy(c => c.WaitingSince).Limit(15).ToList().Count);
        Part("newest 500 (ReportedAt index)", () => cases.Find(Query.All(nameof(Case.ReportedAt), Query.Descending), limit: 500).Count());
    }

    /// <summary>Each query of the daily briefing on PostgreSQL on its own (median of the runs), with its plan's top line.</summary>
    private static void ProbePostgres(OpinionBot.Storage.PostgreSql.PostgresDatabase database, DateOnly day, DateTimeOffset now, int runs)
    {
        var open = Enum.GetValues<CaseState>().Where(s => s.IsOpen()).Select(s => s.ToString()).ToArray();
        string[] waiting = [nameof(CaseState.Reported), nameof(CaseState.PrincipalReview)];
        const string Overdue = "SELECT case_number, min(open_due_at) AS due FROM owed_steps WHERE open_due_at < $1 GROUP BY case_number";
        void Part(string name, string sql, params object?[] args)
        {
            var times = new List<double>();
            var rows = 0;
            for (var i = 0; i <= runs; i++)
            {
                var clock = Stopwatch.StartNew();
                rows = database.Query(sql, _ => 0, args).Count;
                if (i > 0) times.Add(clock.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            var plan = database.Query("EXPLAIN (ANALYZE, TIMING OFF) " + sql, r => r.GetString(0), args);
            Console.WriteLine($"    {name,-34} {times[times.Count / 2],8:0.0} ms  ({rows:N0} rows)  {plan.FirstOrDefault(l => l.Contains("Execution Time", StringComparison.Ordinal))?.Trim()}");
        }

        Console.WriteLine("  daily, query by query (median)");
        Part("new cases of the day", "SELECT level, unit_id, platform FROM cases WHERE reported_on = $1", day);
        Part("open count", "SELECT count(*) FROM cases WHERE state = ANY($1)", (object)open);
        Part("overdue cases", Overdue, now);
        Part("overdue open cases, first 15 (before)", $"""
            SELECT c.doc, o.due FROM ({Overdue}) o JOIN cases c ON c.number = o.case_number WHERE c.state = ANY($2)
            ORDER BY o.due, o.case_number COLLATE "C" LIMIT 15
            """, now, open);
        Part("newest other open", """
            SELECT doc FROM cases c WHERE state = ANY($2)
              AND NOT EXISTS (SELECT 1 FROM owed_steps s WHERE s.case_number = c.number AND s.open_due_at < $1)
            ORDER BY reported_at DESC LIMIT $3
            """, now, open, 15);
        Part("waiting count", "SELECT count(*) FROM cases WHERE state = ANY($1)", (object)waiting);
        Part("waiting, oldest 15 (before)", "SELECT doc FROM cases WHERE state = ANY($1) ORDER BY reported_at LIMIT 15", (object)waiting);
        Part("waiting, oldest 15 (per state)", """
            SELECT doc FROM ((SELECT doc, reported_at FROM cases WHERE state = 'Reported' ORDER BY reported_at LIMIT 15)
              UNION ALL (SELECT doc, reported_at FROM cases WHERE state = 'PrincipalReview' ORDER BY reported_at LIMIT 15)) w
            ORDER BY reported_at LIMIT 15
            """);
    }

    private sealed record Counts(int Cases, int Open, int Steps, int Overdue, int Zero);

    /// <summary>Cases spread evenly over the days (unevenly over units), older than 30 days closed; two done steps each, an open one for open cases.</summary>
    private static Counts Fill(string path, int total, List<string> unitIds, int days, DateOnly today, DateTimeOffset now)
    {
        using var database = LiteDbRegistration.Open(path);
        var transaction = new StoreTransaction(database);
        var caseStore = new CaseStore(database, transaction);
        caseStore.EnsureIndexes();
        var steps = new OwedStepStore(database);
        steps.EnsureIndexes();
        new DailyReportStore(database, transaction, caseStore).EnsureIndexes();
        var roster = new RosterStore(database);
        roster.EnsureIndexes();
        foreach (var id in unitIds)
            roster.Save(new Unit { Id = id, Name = $"单位{id[^3..]}", SupervisingLeaders = ["leader@example.org"] });

        var counts = Generate(total, unitIds, days, today, now, (c, s, z) =>
        {
            if (c.Count > 0) database.GetCollection<Case>("cases").InsertBulk(c);
            if (s.Count > 0) steps.InsertNew(s);
            if (z.Count > 0) database.GetCollection<ZeroReport>("zero_reports").InsertBulk(z);
        });
        database.Checkpoint();
        return counts;
    }

    /// <summary>The cases, steps and zero reports, handed to <paramref name="insert"/> a batch at a time.</summary>
    private static Counts Generate(int total, List<string> unitIds, int days, DateOnly today, DateTimeOffset now,
        Action<IReadOnlyList<Case>, IReadOnlyList<OwedStep>, IReadOnlyList<ZeroReport>> insert)
    {
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
                    DueAt = due, OpenDueAt = due, OwedBy = StepOwner.Officer, SlipsFrom = due, NextSlipAt = due.AddTicks(1),
                });
            }

            if (caseBatch.Count == Batch || n == total)
            {
                insert(caseBatch, stepBatch, []);
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

        insert([], [], zeroBatch);
        zeroCount = zeroBatch.Count;
        return new Counts(total, open, stepCount, overdue, zeroCount);
    }

    /// <summary>The same data on PostgreSQL: the units through the roster store, the rest with COPY.</summary>
    private static Counts Fill(BenchStore store, int total, List<string> unitIds, int days, DateOnly today, DateTimeOffset now)
    {
        var roster = new PostgresRosterStore(store.Postgres!);
        foreach (var id in unitIds)
            roster.Save(new Unit { Id = id, Name = $"单位{id[^3..]}", SupervisingLeaders = ["leader@example.org"] });
        var counts = Generate(total, unitIds, days, today, now, (c, s, z) => store.Insert(c, s, z));
        store.Settle();
        return counts;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
