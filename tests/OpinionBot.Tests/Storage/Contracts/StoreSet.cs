using LiteDB;
using Microsoft.Extensions.Options;
using OpinionBot.Approvals;
using OpinionBot.Approvals.PostgreSql;
using OpinionBot.Briefings;
using OpinionBot.Briefings.PostgreSql;
using OpinionBot.Cases;
using OpinionBot.Cases.PostgreSql;
using OpinionBot.Conversations;
using OpinionBot.Conversations.PostgreSql;
using OpinionBot.DailyReports;
using OpinionBot.DailyReports.PostgreSql;
using OpinionBot.Deadlines;
using OpinionBot.Deadlines.PostgreSql;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Delivery.Outbox.PostgreSql;
using OpinionBot.Evidence;
using OpinionBot.Evidence.PostgreSql;
using OpinionBot.Records.Archive;
using OpinionBot.Records.Archive.PostgreSql;
using OpinionBot.Records.Files;
using OpinionBot.Records.Files.PostgreSql;
using OpinionBot.Records.Register;
using OpinionBot.Records.Register.PostgreSql;
using OpinionBot.Roster;
using OpinionBot.Roster.PostgreSql;
using OpinionBot.Scheduling;
using OpinionBot.Scheduling.PostgreSql;
using OpinionBot.Storage;
using OpinionBot.Storage.PostgreSql;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>
/// Every store of one provider through its interface, as the service would have them: on a LiteDB file of its own, or
/// on a PostgreSQL database as one instance (<see cref="AnotherInstance"/> gives a second one on the same database).
/// </summary>
public sealed class StoreSet : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public required StorageProvider Provider { get; init; }
    public required IStoreTransaction Transaction { get; init; }
    public required ICaseStore Cases { get; init; }
    public required IOwedStepStore Steps { get; init; }
    public required IApprovalStore Approvals { get; init; }
    public required IOutboxStore Outbox { get; init; }
    public required IDeliveryPacer Pacer { get; init; }
    public required IRosterStore Roster { get; init; }
    public required IPersonProfileStore Profiles { get; init; }
    public required IConversationStore Conversations { get; init; }
    public required IEvidenceStore Evidence { get; init; }
    public required IDailyReportStore DailyReports { get; init; }
    public required IBriefingStore Briefings { get; init; }
    public required IOnceMarkers Markers { get; init; }
    public required IDownloadLinkStore DownloadLinks { get; init; }
    public required IRecordFileStore RecordFiles { get; init; }
    public required IArchiveStore Archive { get; init; }
    public required IRegisterSource Register { get; init; }

    /// <summary>The briefing figures over these stores, with the organisation in Asia/Shanghai.</summary>
    public required Func<IBriefingAggregator> Aggregator { get; init; }

    /// <summary>PostgreSQL only: the connection string, to open the same database as another instance.</summary>
    public string? ConnectionString { get; init; }

    public PostgresDatabase? Database { get; init; }

    public static readonly DeliveryOptions Delivery = new() { GlobalPerSecond = 10 };

    public static readonly StorageOptions Storage = new()
    {
        PostgreSql = new PostgreSqlOptions { OutboxLease = TimeSpan.FromSeconds(30), OutboxPoll = TimeSpan.FromSeconds(5) },
    };

    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static StoreSet LiteDb()
    {
        var file = new TestDatabase();
        var db = file.Database;
        var transaction = new StoreTransaction(db);
        var cases = new CaseStore(db, transaction);
        var roster = new RosterStore(db);
        ICollectionIndexes[] stores =
        [
            cases, new OwedStepStore(db), new ApprovalStore(db), new OutboxStore(db), roster, new PersonProfileStore(db),
            new ConversationStore(db), new EvidenceStore(db, transaction, cases), new DailyReportStore(db, transaction, cases),
            new BriefingStore(db), new OnceMarkers(db), new DownloadLinkStore(db), new RecordFileStore(db), new ArchiveStore(db),
        ];
        foreach (var store in stores)
            store.EnsureIndexes();
        var set = new StoreSet
        {
            Provider = StorageProvider.LiteDb,
            Transaction = transaction,
            Cases = cases,
            Steps = (IOwedStepStore)stores[1],
            Approvals = (IApprovalStore)stores[2],
            Outbox = (IOutboxStore)stores[3],
            Pacer = new LocalDeliveryPacer(Delivery),
            Roster = roster,
            Profiles = (IPersonProfileStore)stores[5],
            Conversations = (IConversationStore)stores[6],
            Evidence = (IEvidenceStore)stores[7],
            DailyReports = (IDailyReportStore)stores[8],
            Briefings = (IBriefingStore)stores[9],
            Markers = (IOnceMarkers)stores[10],
            DownloadLinks = (IDownloadLinkStore)stores[11],
            RecordFiles = (IRecordFileStore)stores[12],
            Archive = (IArchiveStore)stores[13],
            Register = new RegisterSource(db),
            Aggregator = () => new BriefingAggregator(db, roster, Calendar, Clock, Schedule),
        };
        set._owned.Add(transaction);
        set._owned.Add(file);
        return set;
    }

    public static StoreSet PostgreSql(string connectionString)
    {
        var database = new PostgresDatabase(connectionString);
        var transaction = new PostgresStoreTransaction(database);
        var cases = new PostgresCaseStore(database);
        var roster = new PostgresRosterStore(database);
        var set = new StoreSet
        {
            Provider = StorageProvider.PostgreSql,
            ConnectionString = connectionString,
            Database = database,
            Transaction = transaction,
            Cases = cases,
            Steps = new PostgresOwedStepStore(database),
            Approvals = new PostgresApprovalStore(database),
            Outbox = new PostgresOutboxStore(database, Options.Create(Storage), Options.Create(Delivery)),
            Pacer = new PostgresDeliveryPacer(database, transaction, Options.Create(Delivery)),
            Roster = roster,
            Profiles = new PostgresPersonProfileStore(database),
            Conversations = new PostgresConversationStore(database),
            Evidence = new PostgresEvidenceStore(database, transaction, cases),
            DailyReports = new PostgresDailyReportStore(database, transaction, cases),
            Briefings = new PostgresBriefingStore(database),
            Markers = new PostgresOnceMarkers(database),
            DownloadLinks = new PostgresDownloadLinkStore(database),
            RecordFiles = new PostgresRecordFileStore(database),
            Archive = new PostgresArchiveStore(database),
            Register = new PostgresRegisterSource(database),
            Aggregator = () => new PostgresBriefingAggregator(database, roster, Calendar, Clock, Schedule),
        };
        set._owned.Add(transaction); // drained and stopped before the database closes
        set._owned.Add(database);
        return set;
    }

    /// <summary>The same PostgreSQL database as a second instance (another instance id); null on LiteDB, which has one instance only.</summary>
    public StoreSet? AnotherInstance() => ConnectionString is null ? null : PostgreSql(ConnectionString);

    private static WorkingCalendar Calendar => new(new CalendarOptions(), Shanghai);

    private static OpinionBot.Configuration.OrganizationClock Clock => TestClock.At(new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.Zero)).Clock;

    private static IOptions<ScheduleOptions> Schedule => Options.Create(new ScheduleOptions());

    public void Dispose()
    {
        foreach (var owned in _owned)
            owned.Dispose();
    }
}

/// <summary>Store contract tests: written once against the interfaces, run on each provider by a subclass.</summary>
public abstract class StoreContract : IDisposable
{
    protected StoreContract(StoreSet stores) => Stores = stores;

    protected StoreSet Stores { get; }

    protected bool OnPostgreSql => Stores.Provider == StorageProvider.PostgreSql;

    public virtual void Dispose()
    {
        Stores.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A case as the procedure would store it (numbered <c>{year}-{sequence:D4}</c>).</summary>
    protected static Case NewCase(int year, int sequence, string unit = "propaganda", CaseState state = CaseState.Reported, DateTimeOffset? reportedAt = null)
    {
        var at = reportedAt ?? new DateTimeOffset(year, 11, 20, 2, 0, 0, TimeSpan.Zero).AddMinutes(sequence);
        return new Case
        {
            Number = CaseNumber.Format(year, sequence), Year = year, Sequence = sequence, SubmissionId = $"sub-{year}-{sequence}-{Guid.NewGuid():N}",
            Title = $"事件 {sequence}", Summary = "网传视频", Links = ["https://weibo.com/1/2"], Platform = Platform.Weibo,
            DiscoveredAt = at.AddHours(-1), ReportedAt = at, ReporterKey = "officer@contoso.example", ReporterName = "陈静", UnitId = unit,
            Level = CaseLevel.III, Category = CaseCategory.NegativeReport, Flags = [CaseFlag.Sensitive], State = state,
            ReportedOn = DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime),
        };
    }
}
