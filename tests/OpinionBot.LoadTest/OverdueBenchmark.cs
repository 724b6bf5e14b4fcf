using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using OpinionBot.Cases;
using OpinionBot.Cases.PostgreSql;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Conversations.PostgreSql;
using OpinionBot.Deadlines;
using OpinionBot.Deadlines.PostgreSql;
using OpinionBot.Deadlines.Reminders;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Delivery.Outbox.PostgreSql;
using OpinionBot.Duty;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Roster.PostgreSql;
using OpinionBot.Scheduling;
using OpinionBot.Scheduling.PostgreSql;
using OpinionBot.Storage;
using OpinionBot.Storage.PostgreSql;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace OpinionBot.LoadTest;

/// <summary>
/// The overdue scan over a large store: N cases, each with a closed step, plus open steps for one case in a hundred
/// of which a tenth are overdue (bulk-inserted with their next slip times, as the service keeps them). Times the first
/// scan (slip 1 for every overdue step), repeated scans with nothing new (the median of several), and the scan one
/// interval later (slip 2 for each).
/// </summary>
public static class OverdueBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OpinionBot.LoadTest -- overdue [options]

          --cases N        cases to fill the store with (default 1000000)
          --runs R         scans with nothing new to time (default 7; the median is reported)
          --store S        LiteDb (default, a fresh file) or PostgreSql (a throw-away server)
          --help           this text
        """;

    public static int Run(string[] args)
    {
        int total = 1_000_000, runs = 7;
        var postgreSql = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") { Console.WriteLine(Usage); return 0; }
            if (i + 1 >= args.Length) { Console.Error.WriteLine($"Option {args[i]} needs a value.\n\n{Usage}"); return 2; }
            var value = args[++i];
            switch (args[i - 1])
            {
                case "--store" when BenchStore.OnPostgreSql(value) is { } pg: postgreSql = pg; break;
                case "--cases" when int.TryParse(value, out var n) && n > 0: total = n; break;
                case "--runs" when int.TryParse(value, out var r) && r > 0: runs = r; break;
                default: Console.Error.WriteLine($"Bad option {args[i - 1]} {value}.\n\n{Usage}"); return 2;
            }
        }

        using var store = BenchStore.Open(postgreSql, "overdue");
        var time = new BenchTime(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        var reminders = new ReminderOptions();
        var (scan, markers) = Scan(store, time, reminders);

        Console.WriteLine("OpinionBot overdue-scan benchmark");
        Console.WriteLine($"  machine      {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}; load average {LoadAverage()}");
        Console.WriteLine($"  store        {store.Description}");
        var fill = Stopwatch.StartNew();
        var (open, overdue) = Fill(store, total, time.Now, reminders);
        store.Settle();
        fill.Stop();
        Console.WriteLine($"  stored       {total:N0} cases, {total + open:N0} owed steps ({open:N0} open, {overdue:N0} overdue) in {fill.Elapsed.TotalSeconds:0.0} s; {store.Size() / 1048576.0:0} MB");

        var first = Stopwatch.StartNew();
        var queued = scan.Run();
        first.Stop();
        var slips = markers();
        Console.WriteLine($"  first scan   {first.Elapsed.TotalMilliseconds:N1} ms: {slips:N0} slips marked ({queued:N0} messages; nobody here has a chat with the bot)");

        var repeats = new List<double>();
        var again = 0;
        for (var run = 0; run < runs; run++)
        {
            time.Now = time.Now.AddSeconds(1);
            var clock = Stopwatch.StartNew();
            again += scan.Run();
            repeats.Add(clock.Elapsed.TotalMilliseconds);
        }

        repeats.Sort();
        var newSlips = markers() - slips;
        Console.WriteLine($"  nothing new  median {repeats[repeats.Count / 2]:N2} ms, min {repeats[0]:N2} ms, max {repeats[^1]:N2} ms over {runs} scans: {newSlips} new slips");

        time.Now = time.Now + reminders.Interval;
        var second = Stopwatch.StartNew();
        scan.Run();
        second.Stop();
        var secondSlips = markers() - slips - newSlips;
        Console.WriteLine($"  +{reminders.Interval.TotalMinutes:0} minutes  {second.Elapsed.TotalMilliseconds:N1} ms: {secondSlips:N0} second slips marked");
        return slips == overdue && newSlips == 0 && secondSlips == overdue ? 0 : 1;
    }

    /// <summary>The scan wired to the store's provider, and a count of the slip markers set so far.</summary>
    private static (OverdueScan Scan, Func<long> Markers) Scan(BenchStore store, TimeProvider time, ReminderOptions reminders)
    {
        IOwedStepStore steps;
        ICaseStore cases;
        IRosterStore roster;
        IPersonProfileStore profiles;
        IConversationStore conversations;
        IOutboxStore outbox;
        IOnceMarkers markers;
        IStoreTransaction transaction;
        Func<long> count;
        if (store.LiteDb is { } lite)
        {
            var liteTransaction = new StoreTransaction(lite);
            (transaction, steps, cases) = (liteTransaction, new OwedStepStore(lite), new CaseStore(lite, liteTransaction));
            (roster, profiles, conversations, outbox, markers) = (new RosterStore(lite), new PersonProfileStore(lite), new ConversationStore(lite), new OutboxStore(lite), new OnceMarkers(lite));
            foreach (var indexed in new ICollectionIndexes[] { (OwedStepStore)steps, (CaseStore)cases, (RosterStore)roster, (PersonProfileStore)profiles, (ConversationStore)conversations, (OutboxStore)outbox, (OnceMarkers)markers })
                indexed.EnsureIndexes();
            count = () => lite.GetCollection("once_markers").LongCount();
        }
        else
        {
            var pg = store.Postgres!;
            (transaction, steps, cases) = (new PostgresStoreTransaction(pg), new PostgresOwedStepStore(pg), new PostgresCaseStore(pg));
            (roster, profiles, conversations, markers) = (new PostgresRosterStore(pg), new PostgresPersonProfileStore(pg), new PostgresConversationStore(pg), new PostgresOnceMarkers(pg));
            outbox = new PostgresOutboxStore(pg, MsOptions.Create(new StorageOptions()), MsOptions.Create(new DeliveryOptions()));
            count = () => pg.Scalar<long>("SELECT count(*) FROM once_markers");
        }

        roster.Save(new Unit { Id = "u1", Name = "宣传部", Officers = ["officer@bench.example"], SupervisingLeaders = ["leader@bench.example"] });
        var clock = new OrganizationClock(time, MsOptions.Create(new OrganizationOptions()));
        var texts = new BotTexts();
        var recipients = new Recipients(profiles, conversations, roster, new PersonNames(roster, profiles, texts, clock));
        var noDuty = new DutyAudience(new DutyRoster([], [], new WorkingCalendar(new CalendarOptions(), clock.TimeZone)), recipients, clock, texts, NullLogger<DutyAudience>.Instance);
        var scan = new OverdueScan(steps, cases, roster, recipients,
            new ProactiveSender(outbox, new OutboxSignal(), transaction, time), new OutboxSignal(), markers, transaction,
            new ReminderSlipCard(texts, clock), clock, texts, noDuty, MsOptions.Create(new WorkflowOptions { Reminders = reminders }), NullLogger<OverdueScan>.Instance);
        return (scan, count);
    }

    private static (int Open, int Overdue) Fill(BenchStore store, int total, DateTimeOffset now, ReminderOptions reminders)
    {
        int open = 0, overdue = 0;
        const int batch = 20_000;
        for (var start = 0; start < total; start += batch)
        {
            var cases = new List<Case>(batch);
            var steps = new List<OwedStep>(batch + batch / 100);
            for (var i = start; i < Math.Min(total, start + batch); i++)
            {
                var reported = now.AddMinutes(-i);
                var number = $"{2000 + i / 100_000}-{i % 100_000 + 1:D5}";
                var isOpen = i % 100 == 0;
                cases.Add(new Case
                {
                    Number = number, Year = 2000 + i / 100_000, Sequence = i, SubmissionId = i.ToString(System.Globalization.CultureInfo.InvariantCulture), Title = "benchmark", UnitId = "u1",
                    ReportedAt = reported, DiscoveredAt = reported, ReportedOn = DateOnly.FromDateTime(reported.UtcDateTime),
                    State = isOpen ? CaseState.InProgress : CaseState.Archived, Level = CaseLevel.IV, ReporterKey = "officer@bench.example",
                });
                steps.Add(new OwedStep { Id = $"{number}:Report", CaseNumber = number, UnitId = "u1", DueAt = reported, DoneAt = reported, Open = false, Lateness = TimeSpan.Zero });
                if (!isOpen) continue;
                var late = i % 1000 == 0;
                var due = late ? now.AddMinutes(-5) : now.AddHours(6);
                var step = new OwedStep { Id = $"{number}:Resolve", CaseNumber = number, UnitId = "u1", Clock = StepClock.Resolve, DueAt = due, OpenDueAt = due, SlipsFrom = due };
                step.NextSlipAt = ReminderLadder.NextSlipAt(step, reminders);
                steps.Add(step);
                open++;
                if (late) overdue++;
            }

            store.Insert(cases, steps);
        }

        return (open, overdue);
    }

    public static string LoadAverage()
    {
        try { return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}

/// <summary>A clock the benchmark sets.</summary>
public sealed class BenchTime(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
