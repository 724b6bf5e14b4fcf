using System.Diagnostics;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Deadlines;
using OpinionBot.Deadlines.Reminders;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Duty;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;

namespace OpinionBot.LoadTest;

/// <summary>
/// The overdue scan over a large store: N cases, each with a closed step, plus open steps for one case in a hundred
/// of which a tenth are overdue; times the first scan (slips for every overdue step) and a repeat (nothing new).
/// </summary>
public static class OverdueBenchmark
{
    public const string Usage = "usage: OpinionBot.LoadTest overdue [--cases N (1000000)]";

    public static int Run(string[] args)
    {
        var total = 1_000_000;
        if (args is ["--cases", var n] && int.TryParse(n, out var parsed) && parsed > 0) total = parsed;
        else if (args.Length > 0) { Console.Error.WriteLine(Usage); return 2; }

        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-overdue-bench", Guid.NewGuid().ToString("N"));
        try
        {
            using var database = LiteDbRegistration.Open(Path.Combine(folder, "overdue.db"));
            var now = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
            var time = new FixedTime(now);
            var transaction = new StoreTransaction(database);
            var steps = new OwedStepStore(database);
            var cases = new CaseStore(database, transaction);
            var roster = new RosterStore(database);
            var profiles = new PersonProfileStore(database);
            var conversations = new ConversationStore(database);
            var outbox = new OutboxStore(database);
            var markers = new OnceMarkers(database);
            foreach (var store in new ICollectionIndexes[] { steps, cases, roster, profiles, conversations, outbox, markers })
                store.EnsureIndexes();
            roster.Save(new Unit { Id = "u1", Name = "宣传部", Officers = ["officer@bench.example"], SupervisingLeaders = ["leader@bench.example"] });

            Console.WriteLine("OpinionBot overdue-scan benchmark");
            var fill = Stopwatch.StartNew();
            var (open, overdue) = Fill(database, total, now);
            fill.Stop();
            Console.WriteLine($"  stored       {total:N0} cases, {total + open:N0} owed steps ({open:N0} open, {overdue:N0} overdue) in {fill.Elapsed.TotalSeconds:0.0} s");

            var clock = new OrganizationClock(time, Microsoft.Extensions.Options.Options.Create(new OrganizationOptions()));
            var texts = new BotTexts();
            var recipients = new Recipients(profiles, conversations, roster, new PersonNames(roster, profiles, texts, clock));
            var noDuty = new DutyAudience(new DutyRoster([], [], new WorkingCalendar(new CalendarOptions(), clock.TimeZone)), recipients, clock, texts, NullLogger<DutyAudience>.Instance);
            var scan = new OverdueScan(steps, cases, roster, recipients,
                new ProactiveSender(outbox, new OutboxSignal(), transaction, time), new OutboxSignal(), markers, transaction,
                new ReminderSlipCard(texts, clock), clock, texts, noDuty, Microsoft.Extensions.Options.Options.Create(new WorkflowOptions()), NullLogger<OverdueScan>.Instance);

            var first = Stopwatch.StartNew();
            var queued = scan.Run();
            first.Stop();
            var repeat = Stopwatch.StartNew();
            var again = scan.Run();
            repeat.Stop();
            var slips = database.GetCollection("once_markers").Count();
            Console.WriteLine($"  first scan   {first.Elapsed.TotalMilliseconds:N0} ms: {slips:N0} slips marked ({queued:N0} messages; nobody here has a chat with the bot)");
            Console.WriteLine($"  repeat scan  {repeat.Elapsed.TotalMilliseconds:N0} ms: {again} new");
            return slips == overdue && again == 0 ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static (int Open, int Overdue) Fill(ILiteDatabase database, int total, DateTimeOffset now)
    {
        var caseCollection = database.GetCollection<Case>("cases");
        var stepCollection = database.GetCollection<OwedStep>("owed_steps");
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
                    Number = number, Year = 2000 + i / 100_000, Sequence = i, SubmissionId = i.ToString(), Title = "benchmark", UnitId = "u1",
                    ReportedAt = reported, DiscoveredAt = reported, ReportedOn = DateOnly.FromDateTime(reported.UtcDateTime),
                    State = isOpen ? CaseState.InProgress : CaseState.Archived, Level = CaseLevel.IV, ReporterKey = "officer@bench.example",
                });
                steps.Add(new OwedStep { Id = $"{number}:Report", CaseNumber = number, UnitId = "u1", DueAt = reported, DoneAt = reported, Open = false, Lateness = TimeSpan.Zero });
                if (!isOpen) continue;
                var late = i % 1000 == 0;
                var due = late ? now.AddMinutes(-5) : now.AddHours(6);
                steps.Add(new OwedStep { Id = $"{number}:Resolve", CaseNumber = number, UnitId = "u1", Clock = StepClock.Resolve, DueAt = due, OpenDueAt = due });
                open++;
                if (late) overdue++;
            }

            caseCollection.InsertBulk(cases);
            stepCollection.InsertBulk(steps);
        }

        return (open, overdue);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
