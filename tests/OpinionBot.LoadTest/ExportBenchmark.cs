using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using OpinionBot.Briefings;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Localization;
using OpinionBot.Records.Files;
using OpinionBot.Records.Register;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace OpinionBot.LoadTest;

/// <summary>
/// The fourth mode (<c>export</c>): a fresh LiteDB file with N cases reported in one month (each with its owed steps,
/// a fifth with a published response and its timeline, zero reports for the other unit days), then the register of
/// that month exported by a separate process — so its peak memory is the export's alone — which prints the time to
/// write the .xlsx, the time to store it for download, the file size and the peak working set; the workbook is then
/// opened with the Open XML SDK and its rows counted.
/// </summary>
public static class ExportBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OpinionBot.LoadTest -- export [options]

          --cases N        cases reported in November 2026 (default 100000)
          --units U        units they are spread over (default 50)
          --keep           keep the database and the workbook afterwards
          --help           this text
        """;

    private static readonly DateOnly Month = new(2026, 11, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        if (args is ["--measure", var measuredDatabase, var measuredWorkbook])
            return Measure(measuredDatabase, measuredWorkbook);

        int cases = 100_000, units = 50;
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
                default: Console.Error.WriteLine($"Unknown option '{args[i - 1]}'.\n\n{Usage}"); return 2;
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-export-bench", Guid.NewGuid().ToString("N"));
        var databasePath = Path.Combine(folder, "export.db");
        var workbookPath = Path.Combine(folder, "register_2026-11.xlsx");
        try
        {
            Console.WriteLine("OpinionBot register export benchmark");
            Console.WriteLine($"  machine      {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}; load average {OverdueBenchmark.LoadAverage()}");
            var fill = Stopwatch.StartNew();
            var (steps, statements) = Fill(databasePath, cases, units);
            Console.WriteLine($"  filled       {cases:N0} cases in 2026-11 ({steps:N0} owed steps, {statements:N0} published responses), {units} units, "
                + $"in {fill.Elapsed.TotalSeconds:0.0} s; file {new FileInfo(databasePath).Length / 1048576.0:0} MB");

            using var child = Process.Start(ChildStart(databasePath, workbookPath)) ?? throw new InvalidOperationException("The export process did not start.");
            Console.Write(child.StandardOutput.ReadToEnd());
            var errors = child.StandardError.ReadToEnd();
            child.WaitForExit();
            if (child.ExitCode != 0)
            {
                Console.Error.WriteLine($"The export process failed ({child.ExitCode}):\n{errors}");
                return 1;
            }

            var (sheets, rows) = CountRows(workbookPath);
            var ok = rows[0] == cases + 1;
            Console.WriteLine($"  verified     opened with the Open XML SDK: sheets {string.Join(", ", sheets)}; rows {string.Join(" / ", rows)} "
                + (ok ? $"(header + {cases:N0} cases)" : $"— expected {cases + 1:N0} rows in the first sheet"));
            if (keep) Console.WriteLine($"  kept         {folder}");
            return ok ? 0 : 1;
        }
        finally
        {
            if (!keep)
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The export alone, in its own process: prints its figures; the parent reads them.</summary>
    private static int Measure(string databasePath, string workbookPath)
    {
        using var database = LiteDbRegistration.Open(databasePath);
        var time = new FixedTime(Now);
        var clock = new OrganizationClock(time, MsOptions.Create(new OrganizationOptions { TimeZone = "Asia/Shanghai" }));
        using var transaction = new StoreTransaction(database);
        var roster = new RosterStore(database);
        var aggregator = new BriefingAggregator(database, roster, new WorkingCalendar(new CalendarOptions(), clock.TimeZone), clock, MsOptions.Create(new ScheduleOptions()));
        var workbook = new RegisterWorkbook(new RegisterSource(database), aggregator, clock);
        var units = roster.AllUnits().Select(u => (u.Id, u.Name)).ToList();
        var period = RegisterPeriod.Parse("2026-11", DateOnly.FromDateTime(clock.LocalNow.DateTime))!;
        var texts = new RegisterTexts(new BotTexts(), Language.ZhCn);
        var baseline = Process.GetCurrentProcess().WorkingSet64;

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var write = Stopwatch.StartNew();
        RegisterSummary summary;
        using (var file = File.Create(workbookPath))
            summary = workbook.Write(file, new RegisterScope(period, units, AllUnits: true), texts, "benchmark");
        write.Stop();
        var cpuAfterWrite = Process.GetCurrentProcess().TotalProcessorTime;

        var linkStore = new DownloadLinkStore(database);
        var fileStore = new RecordFileStore(database);
        linkStore.EnsureIndexes();
        fileStore.EnsureIndexes();
        var links = new DownloadLinks(linkStore, fileStore, transaction, time,
            MsOptions.Create(new FilesOptions { PublicUrl = "https://bot.example.org" }), NullLogger<DownloadLinks>.Instance);
        var store = Stopwatch.StartNew();
        using (var file = File.OpenRead(workbookPath))
            links.IssueGenerated(file, new FileDescription("舆情台账_2026-11.xlsx", ContentTypes.Xlsx, FileKind.Register, [], [], "benchmark"),
                new Actor("office@bench.example", "29:office", "舆情办", [], [], [], true, false, false));
        store.Stop();

        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"  export       {summary.Cases:N0} cases → {new FileInfo(workbookPath).Length / 1048576.0:0.0} MB .xlsx in {write.Elapsed.TotalSeconds:0.00} s "
            + $"({summary.Cases / write.Elapsed.TotalSeconds:N0} cases/s, CPU {(cpuAfterWrite - cpuBefore).TotalSeconds:0.00} s on {Environment.ProcessorCount} cores); stored for download in {store.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"  memory       peak working set {self.PeakWorkingSet64 / 1048576.0:0} MB (at start of export {baseline / 1048576.0:0} MB), "
            + $"{GC.GetTotalAllocatedBytes() / 1048576.0:N0} MB allocated in all, max GC heap {GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes / 1048576.0:0} MB after the last collection");
        var limitsMet = write.Elapsed < TimeSpan.FromSeconds(5) && self.PeakWorkingSet64 < 200L * 1048576;
        Console.WriteLine($"  target       < 5 s and < 200 MB: {(limitsMet ? "met" : "NOT met")}; load average {OverdueBenchmark.LoadAverage()}");
        return 0;
    }

    /// <summary>The machine's load average (Linux), since other work on it stretches the wall-clock figures.</summary>
    private static ProcessStartInfo ChildStart(string databasePath, string workbookPath)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
            start.ArgumentList.Add(typeof(ExportBenchmark).Assembly.Location);
        foreach (var arg in new[] { "export", "--measure", databasePath, workbookPath })
            start.ArgumentList.Add(arg);
        return start;
    }

    /// <summary>Sheet names and row counts, read forward-only (OpenXmlReader) so a big sheet is not loaded as a DOM.</summary>
    private static (List<string> Sheets, List<int> Rows) CountRows(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var names = new List<string>();
        var rows = new List<int>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            names.Add(sheet.Name!);
            using var reader = OpenXmlReader.Create((WorksheetPart)workbook.GetPartById(sheet.Id!));
            var count = 0;
            while (reader.Read())
                if (reader.ElementType == typeof(Row) && reader.IsStartElement) count++;
            rows.Add(count);
        }

        return (names, rows);
    }

    /// <summary>N cases over the month's days and the units; five steps each (the report and review clocks done, the rest open or done), each dispatched to its unit, a fifth with a published first response.</summary>
    public static (int Steps, int Statements) Fill(string path, int total, int unitCount)
    {
        using var database = LiteDbRegistration.Open(path);
        using var transaction = new StoreTransaction(database);
        var caseStore = new CaseStore(database, transaction);
        var roster = new RosterStore(database);
        var unitIds = Enumerable.Range(1, unitCount).Select(u => $"unit-{u:D3}").ToList();
        foreach (var id in unitIds)
            roster.Save(new Unit { Id = id, Name = $"单位{id[^3..]}", SupervisingLeaders = ["leader@example.org"] });

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var cases = database.GetCollection<Case>("cases");
        var steps = new OwedStepStore(database);
        var random = new Random(20261101);
        var days = Month.AddMonths(1).DayNumber - Month.DayNumber;
        var levels = Enum.GetValues<CaseLevel>();
        var platforms = Enum.GetValues<Platform>();
        var states = Enum.GetValues<CaseState>();
        var clocks = new[] { StepClock.Report, StepClock.Review, StepClock.FirstResponse, StepClock.FormalAnswer, StepClock.Resolve };
        var (stepCount, statements) = (0, 0);
        var reported = new HashSet<(string, DateOnly)>();
        const int Batch = 10_000;
        var caseBatch = new List<Case>(Batch);
        var stepBatch = new List<OwedStep>(Batch * 5);
        var eventBatch = new List<CaseEvent>();
        for (var n = 1; n <= total; n++)
        {
            var day = Month.AddDays((int)((long)(n - 1) * days / total));
            var unit = unitIds[(int)(Math.Pow(random.NextDouble(), 2) * unitIds.Count)];
            reported.Add((unit, day));
            var local = day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(random.Next(0, 600));
            var reportedAt = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            var number = CaseNumber.Format(2026, n);
            var published = n % 5 == 0;
            var c = new Case
            {
                Number = number, Year = 2026, Sequence = n, SubmissionId = $"bench-{n}", Title = $"网传某单位相关问题引发关注（{n}）",
                Summary = "网民发帖反映相关情况，转发量较大。", Links = [$"https://weibo.com/{n}/a", $"https://news.example.cn/{n}"],
                Platform = platforms[random.Next(platforms.Length)], PublishedAt = reportedAt.AddHours(-3), DiscoveredAt = reportedAt.AddMinutes(-random.Next(10, 120)),
                ReportedAt = reportedAt, ReporterKey = "officer@example.org", ReporterName = "王芳", UnitId = unit, Level = levels[random.Next(levels.Length)],
                Category = CaseCategory.NegativeReport, Flags = [CaseFlag.Sensitive], Reach = new Reach { Reposts = random.Next(0, 5000), Comments = random.Next(0, 900), Views = random.Next(0, 100000) },
                CommentTendency = CommentTendency.Negative, State = published ? CaseState.Responded : states[random.Next(states.Length)], ReportedOn = day,
                HandlingResult = random.Next(3) == 0 ? "已核实处理，平台删帖。" : null,
                Statements = published
                    ? [new Statement { Id = 1, Kind = StatementKind.FirstResponse, Text = "经核查，相关情况已妥善处理。", Stage = StatementStage.Published, DraftedBy = "officer@example.org",
                        DraftedByName = "王芳", DraftedAt = reportedAt.AddMinutes(30), SignedByName = "赵敏", PublishedByName = "陈杰", PublishedAt = reportedAt.AddMinutes(90) }]
                    : [],
                Dispatches = [new Dispatch { UnitId = unit, Role = DispatchRole.Lead, DispatchedAt = reportedAt, DispatchedByName = "王芳", AcknowledgedByName = "王芳", AcknowledgedAt = reportedAt }],
            };
            caseBatch.Add(c);
            foreach (var clock in clocks)
            {
                var due = reportedAt.AddHours(clock == StepClock.Resolve ? 120 : 2);
                var done = random.Next(4) != 0;
                var lateness = TimeSpan.FromMinutes(random.Next(-60, 60));
                stepBatch.Add(new OwedStep
                {
                    Id = $"{number}:{clock}", CaseNumber = number, UnitId = unit, Clock = clock, StartedAt = reportedAt, DueAt = due, Open = !done,
                    OpenDueAt = done ? null : due, DoneAt = done ? due + lateness : null, Lateness = done ? lateness : null,
                    SlipsSent = lateness > TimeSpan.Zero ? 1 : 0,
                });
            }

            if (published)
            {
                statements++;
                foreach (var (kind, minutes) in new[] { (CaseEventKind.Reported, 0), (CaseEventKind.ResponseDrafted, 30), (CaseEventKind.ResponseApproved, 60), (CaseEventKind.ResponsePublished, 90) })
                    eventBatch.Add(new CaseEvent { CaseNumber = number, At = reportedAt.AddMinutes(minutes), Kind = kind, ActorKey = "officer@example.org", ActorName = "王芳", DedupKey = $"{number}:{kind}" });
            }

            if (caseBatch.Count == Batch || n == total)
            {
                cases.InsertBulk(caseBatch);
                steps.InsertNew(stepBatch);
                caseStore.InsertEvents(eventBatch);
                stepCount += stepBatch.Count;
                caseBatch.Clear();
                stepBatch.Clear();
                eventBatch.Clear();
            }
        }

        var zeros = new List<ZeroReport>();
        for (var day = Month; day < Month.AddMonths(1); day = day.AddDays(1))
            foreach (var unit in unitIds.Where(u => !reported.Contains((u, day)) && random.Next(10) < 8))
                zeros.Add(new ZeroReport { Id = ZeroReport.IdFor(unit, day), UnitId = unit, Day = day, ByKey = "officer@example.org", ByName = "王芳", At = Now.AddDays(-20) });
        database.GetCollection<ZeroReport>("zero_reports").InsertBulk(zeros);

        // The service's indexes, built once over the filled collections (faster than keeping them up to date while filling).
        caseStore.EnsureIndexes();
        new OwedStepStore(database).EnsureIndexes();
        new DailyReportStore(database, transaction, caseStore).EnsureIndexes();
        roster.EnsureIndexes();
        database.Checkpoint();
        return (stepCount, statements);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
