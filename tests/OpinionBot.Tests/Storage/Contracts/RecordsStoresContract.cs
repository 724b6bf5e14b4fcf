using System.Security.Cryptography;
using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Records.Archive;
using OpinionBot.Records.Files;
using OpinionBot.Records.Register;
using OpinionBot.Roster;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>The Records stores (download links, their files, the archive queue and kept packages, the register's reads, dead letters), the same on both stores.</summary>
public abstract class RecordsStoresContract(StoreSet stores) : StoreContract(stores)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static Actor Officer => new("officer@contoso.example", "29:officer", "陈静", ["propaganda"], [], [], false, false, false);

    private DownloadLink Link(string name, DateTimeOffset expiresAt) => new()
    {
        Id = Convert.ToHexStringLower(SHA256.HashData(Guid.NewGuid().ToByteArray())), FileId = $"generated/{_run}-{name}", OwnsFile = true,
        FileName = $"舆情台账_{name}.xlsx", ContentType = ContentTypes.Xlsx, Size = 1234, Sha256 = new string('a', 64), Kind = FileKind.Register,
        CaseNumbers = ["2026-0001", "2026-0002"], CaseCount = 2, UnitIds = ["propaganda"], Scope = "register 2026-11-01..2026-11-30, units: propaganda",
        IssuedToKey = "office@contoso.example", IssuedToName = "舆情办", IssuedAt = expiresAt.AddMinutes(-15), ExpiresAt = expiresAt,
    };

    [Fact]
    public void Links_are_found_by_id_listed_once_expired_and_deleted_and_downloads_are_kept_newest_first()
    {
        var live = Link("live", Now.AddMinutes(15));
        var expired = Link("expired", Now.AddHours(-1));
        Stores.Transaction.Run(() =>
        {
            Stores.DownloadLinks.Insert(live);
            Stores.DownloadLinks.Insert(expired);
        });

        var found = Stores.DownloadLinks.Find(live.Id)!;
        Assert.Equal((live.FileId, live.FileName, live.Kind, live.Size, live.ExpiresAt, live.IssuedToName), (found.FileId, found.FileName, found.Kind, found.Size, found.ExpiresAt, found.IssuedToName));
        Assert.Equal(live.CaseNumbers, found.CaseNumbers);
        Assert.Null(Stores.DownloadLinks.Find(new string('0', 64)));
        Assert.Equal([expired.Id], Stores.DownloadLinks.ExpiredBefore(Now).Select(l => l.Id));

        Assert.True(Stores.Transaction.Run(() => Stores.DownloadLinks.Delete(expired.Id)));
        Assert.False(Stores.DownloadLinks.Delete(expired.Id));
        Assert.Empty(Stores.DownloadLinks.ExpiredBefore(Now));
        Assert.NotNull(Stores.DownloadLinks.Find(live.Id));

        DownloadRecord Download(int minutes) => new()
        {
            LinkId = live.Id, Kind = live.Kind, FileName = live.FileName, CaseNumbers = live.CaseNumbers, CaseCount = 2, Scope = live.Scope,
            IssuedToKey = live.IssuedToKey, IssuedToName = live.IssuedToName, At = Now.AddMinutes(minutes), RemoteAddress = "10.0.0.1", UserAgent = "Teams",
        };
        var first = Download(1);
        var second = Download(2);
        Stores.Transaction.Run(() => Stores.DownloadLinks.Record(first));
        Stores.Transaction.Run(() => Stores.DownloadLinks.Record(second));
        Stores.Transaction.Run(() => Stores.DownloadLinks.Record(first)); // the same record again: no second copy

        var recent = Stores.DownloadLinks.RecentDownloads(10);
        Assert.Equal([second.Id, first.Id], recent.Select(d => d.Id));
        Assert.Equal((Now.AddMinutes(2), "10.0.0.1", live.FileName), (recent[0].At, recent[0].RemoteAddress, recent[0].FileName));
        Assert.Single(Stores.DownloadLinks.RecentDownloads(1));
    }

    [Fact]
    public void Files_are_kept_with_the_transaction_replaced_deleted_and_evidence_is_read_through_them()
    {
        var id = $"generated/{_run}";
        var bytes = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        Assert.Throws<InvalidOperationException>(() => Stores.Transaction.Run(() =>
        {
            Stores.RecordFiles.Save(id, "台账.xlsx", new MemoryStream(bytes), new Dictionary<string, string> { ["kind"] = "Register" });
            throw new InvalidOperationException("rolled back");
        }));
        Assert.False(Stores.RecordFiles.Exists(id));

        Stores.Transaction.Run(() => Stores.RecordFiles.Save(id, "台账.xlsx", new MemoryStream(bytes), new Dictionary<string, string> { ["kind"] = "Register" }));
        Assert.True(Stores.RecordFiles.Exists(id));
        Assert.Equal(bytes, Read(id));

        Stores.Transaction.Run(() => Stores.RecordFiles.Save(id, "台账.xlsx", new MemoryStream([1, 2, 3]), new Dictionary<string, string>()));
        Assert.Equal([1, 2, 3], Read(id));

        Assert.True(Stores.Transaction.Run(() => Stores.RecordFiles.Delete(id)));
        Assert.False(Stores.RecordFiles.Exists(id));
        Assert.False(Stores.RecordFiles.Delete(id));
        Assert.Throws<FileNotFoundException>(() => Stores.RecordFiles.OpenRead(id));

        var c = NewCase(2040, Math.Abs(_run.GetHashCode()) % 9000 + 1);
        Stores.Transaction.Run(() => Stores.Cases.Insert(c));
        var evidence = RandomNumberGenerator.GetBytes(5000);
        Assert.True(Stores.Evidence.Add(c.Number, "截图.png", "image/png", evidence, Officer, Now));
        var file = Assert.Single(Stores.Evidence.ForCase(c.Number));
        Assert.True(Stores.RecordFiles.Exists(file.Id));
        Assert.Equal(evidence, Read(file.Id));
    }

    private byte[] Read(string id)
    {
        using var stream = Stores.RecordFiles.OpenRead(id);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void Archive_requests_queue_once_in_request_order_count_failures_and_a_case_keeps_one_package()
    {
        var (a, b, c) = ($"a-{_run}", $"b-{_run}", $"c-{_run}");
        Assert.Throws<InvalidOperationException>(() => Stores.Transaction.Run(() =>
        {
            Stores.Archive.Request(new ArchiveRequest { CaseNumber = c, RequestedAt = Now });
            throw new InvalidOperationException("rolled back");
        }));
        Assert.Null(Stores.Archive.FindRequest(c));

        Assert.True(Stores.Transaction.Run(() => Stores.Archive.Request(new ArchiveRequest { CaseNumber = a, RequestedAt = Now.AddMinutes(1) })));
        Assert.True(Stores.Transaction.Run(() => Stores.Archive.Request(new ArchiveRequest { CaseNumber = b, RequestedAt = Now })));
        Assert.False(Stores.Transaction.Run(() => Stores.Archive.Request(new ArchiveRequest { CaseNumber = a, RequestedAt = Now.AddMinutes(2) })));
        Assert.Equal([b, a], Stores.Archive.Pending(5).Select(r => r.CaseNumber));

        Assert.True(Stores.Transaction.Run(() => Stores.Archive.RecordFailure(a, "disk full")));
        Assert.True(Stores.Transaction.Run(() => Stores.Archive.RecordFailure(a, "still full")));
        Assert.False(Stores.Archive.RecordFailure(c, "not queued"));
        var failed = Stores.Archive.FindRequest(a)!;
        Assert.Equal((2, "still full", Now.AddMinutes(1)), (failed.Attempts, failed.LastError, failed.RequestedAt));
        Assert.Equal([b], Stores.Archive.Pending(2).Select(r => r.CaseNumber));

        Assert.True(Stores.Transaction.Run(() => Stores.Archive.DeleteRequest(b)));
        Assert.False(Stores.Archive.DeleteRequest(b));
        Assert.Null(Stores.Archive.FindRequest(b));

        Assert.Null(Stores.Archive.KeptFor(a));
        var kept = new KeptArchivePackage
        {
            CaseNumber = a, FileId = $"archive/{a}/{new string('b', 64)}", FileName = $"归档包_{a}.zip", Size = 4096, Sha256 = new string('b', 64), Files = 7, CreatedAt = Now,
        };
        Stores.Transaction.Run(() => Stores.Archive.Keep(kept));
        var found = Stores.Archive.KeptFor(a)!;
        Assert.Equal((kept.FileId, kept.FileName, kept.Size, kept.Sha256, kept.Files, kept.CreatedAt), (found.FileId, found.FileName, found.Size, found.Sha256, found.Files, found.CreatedAt));
        Assert.ThrowsAny<Exception>(() => Stores.Archive.Keep(kept));
    }

    [Fact]
    public void The_register_reads_a_periods_visible_cases_by_day_in_number_order_with_their_steps_and_zero_reports()
    {
        const int year = 2041;
        Case On(int sequence, string unit, DateOnly day) => NewCase(year, sequence, unit, reportedAt: new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero).AddMinutes(sequence % 60));
        var (nov20, nov21) = (new DateOnly(year, 11, 20), new DateOnly(year, 11, 21));
        var cases = new[]
        {
            On(3, "propaganda", nov20), On(1, "propaganda", nov20), On(2, "education", nov20),
            On(10000, "propaganda", nov21), On(4, "propaganda", nov21), On(5, "propaganda", new DateOnly(year, 12, 2)),
        };
        OwedStep Step(string number, StepClock clock) => new()
        {
            Id = $"{number}:{clock}", CaseNumber = number, UnitId = "propaganda", Clock = clock, StartedAt = Now, DueAt = Now.AddHours(2),
            OpenDueAt = Now.AddHours(2), Open = true,
        };
        Stores.Transaction.Run(() =>
        {
            foreach (var c in cases)
                Stores.Cases.Insert(c);
            foreach (var step in new[] { Step("2041-0001", StepClock.FirstResponse), Step("2041-0001", StepClock.Review), Step("2041-10000", StepClock.Review), Step("2041-0004", StepClock.Review), Step("2041-1000", StepClock.Review) })
                Stores.Steps.Save(step);
        });
        Stores.DailyReports.RecordZero("education", new DateOnly(year, 11, 22), Officer, Now);
        Stores.DailyReports.RecordZero("education", new DateOnly(year, 12, 5), Officer, Now);

        var period = new RegisterPeriod(new DateOnly(year, 11, 1), new DateOnly(year, 11, 30), $"{year}-11");
        var entries = Stores.Register.Entries(period, unit => unit == "propaganda").ToList();

        Assert.Equal(["2041-0001", "2041-0003", "2041-0004", "2041-10000"], entries.Select(e => e.Case.Number));
        Assert.Equal([2, 0, 1, 1], entries.Select(e => e.Steps.Count));
        Assert.Equal([StepClock.Review, StepClock.FirstResponse], entries[0].Steps.Select(s => s.Clock).Order());
        Assert.All(entries[3].Steps, s => Assert.Equal("2041-10000", s.CaseNumber));
        Assert.Equal((cases[1].Title, cases[1].ReportedAt, cases[1].Level), (entries[0].Case.Title, entries[0].Case.ReportedAt, entries[0].Case.Level));
        Assert.Equal(new[] { ("education", new DateOnly(year, 11, 22)) }, Stores.Register.ZeroReportsIn(period).Keys.Select(k => (k.UnitId, k.Day)));
        Assert.Empty(Stores.Register.Entries(new RegisterPeriod(new DateOnly(year, 10, 1), new DateOnly(year, 10, 31), $"{year}-10"), _ => true));
    }

    [Fact]
    public void Dead_letters_are_listed_newest_first_and_only_a_dead_one_is_revived_or_discarded()
    {
        var conversation = $"https://smba.example/|dead-{_run}";
        OutboxMessage Message(string text) => new()
        {
            ConversationKey = conversation, ServiceUrl = "https://smba.example", ConversationId = $"dead-{_run}",
            ActivityJson = $$"""{"type":"message","text":"{{text}}"}""", CreatedAt = Now, NextAttemptAt = Now, Kind = OutboxKind.Send,
        };
        var (a, b, c) = (Stores.Transaction.Run(() => Stores.Outbox.Enqueue(Message("a"))), Stores.Transaction.Run(() => Stores.Outbox.Enqueue(Message("b"))),
            Stores.Transaction.Run(() => Stores.Outbox.Enqueue(Message("c"))));
        foreach (var id in new[] { a, c })
        {
            var message = Stores.Outbox.Find(id)!;
            message.Attempts = 8;
            Stores.Transaction.Run(() => Stores.Outbox.MarkDead(message, "403 Forbidden"));
        }

        Assert.Equal([c, a], Stores.Outbox.Dead(10).Select(m => m.Id));
        Assert.Equal([c], Stores.Outbox.Dead(1).Select(m => m.Id));
        Assert.Equal(("403 Forbidden", 8), (Stores.Outbox.Dead(1)[0].LastError, Stores.Outbox.Dead(1)[0].Attempts));
        Assert.Equal(2, Stores.Outbox.Count(OutboxState.Dead));

        var later = Now.AddHours(3);
        Assert.False(Stores.Transaction.Run(() => Stores.Outbox.Revive(b, later)));
        Assert.True(Stores.Transaction.Run(() => Stores.Outbox.Revive(a, later)));
        Assert.False(Stores.Transaction.Run(() => Stores.Outbox.Revive(a, later)));
        var revived = Stores.Outbox.Find(a)!;
        Assert.Equal((OutboxState.Pending, 0, later), (revived.State, revived.Attempts, revived.NextAttemptAt));

        Assert.False(Stores.Transaction.Run(() => Stores.Outbox.Discard(b)));
        Assert.True(Stores.Transaction.Run(() => Stores.Outbox.Discard(c)));
        Assert.False(Stores.Outbox.Discard(c));
        Assert.Null(Stores.Outbox.Find(c));
        Assert.NotNull(Stores.Outbox.Find(b));
        Assert.Empty(Stores.Outbox.Dead(10));
    }
}

public sealed class RecordsStoresOnLiteDb() : RecordsStoresContract(StoreSet.LiteDb());

[Collection(PostgresCollection.Name)]
public sealed class RecordsStoresOnPostgreSql(PostgresFixture postgres)
    : RecordsStoresContract(StoreSet.PostgreSql(postgres.DatabaseFor(typeof(RecordsStoresOnPostgreSql)).GetAwaiter().GetResult()))
{
    /// <summary>As the archive worker keeps a package (<see cref="ArchivePackages.Keep"/>): the case's earlier package if there is one, else this one.</summary>
    private static KeptArchivePackage KeepOnce(StoreSet instance, KeptArchivePackage package, Action? beforeCommit = null) => instance.Transaction.Run(() =>
    {
        if (instance.Archive.KeptFor(package.CaseNumber) is { } earlier) return earlier;
        instance.Archive.Keep(package);
        beforeCommit?.Invoke();
        return package;
    });

    [Fact]
    public async Task Two_instances_keeping_a_package_of_one_case_at_once_keep_one_the_later_runs_again_and_finds_the_first()
    {
        using var other = Stores.AnotherInstance()!;
        var number = $"race-{Guid.NewGuid():N}"[..16];
        KeptArchivePackage Package(char sha) => new()
        {
            CaseNumber = number, FileId = $"archive/{number}/{new string(sha, 64)}", FileName = "归档包.zip", Size = 10, Sha256 = new string(sha, 64), Files = 3,
            CreatedAt = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero),
        };
        using var inserted = new ManualResetEventSlim();
        using var commit = new ManualResetEventSlim();
        var first = Task.Run(() => KeepOnce(Stores, Package('a'), () =>
        {
            inserted.Set();
            commit.Wait(TimeSpan.FromSeconds(30));
        }));
        Assert.True(inserted.Wait(TimeSpan.FromSeconds(30)));

        var second = Task.Run(() => KeepOnce(other, Package('b')));
        // The second instance's insert waits on the first's uncommitted key.
        Assert.True(SpinWait.SpinUntil(() => Stores.Database!.Scalar<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0, TimeSpan.FromSeconds(30)));
        commit.Set();

        Assert.Equal(new string('a', 64), (await first).Sha256);
        Assert.Equal(new string('a', 64), (await second).Sha256);
        Assert.Equal(new string('a', 64), other.Archive.KeptFor(number)!.Sha256);
        Assert.Equal(1, ((OpinionBot.Storage.PostgreSql.PostgresStoreTransaction)other.Transaction).Retries);
    }
}
