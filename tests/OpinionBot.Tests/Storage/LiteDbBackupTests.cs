using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpinionBot.Scheduling;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace OpinionBot.Tests.Storage;

public sealed class LiteDbBackupTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
    private readonly string _folder;
    private readonly LiteDbBackup _backup;

    public LiteDbBackupTests()
    {
        _folder = Path.Combine(Path.GetDirectoryName(_db.FilePath)!, "backups");
        var options = new StorageOptions { LiteDb = { Path = _db.FilePath }, Backup = { Folder = _folder, Keep = 3, Cron = "0 0 2 * * ?" } };
        var checkpoints = new LogCheckpoints(_db.Database, LiteDbRegistration.LogFileOf(_db.FilePath), NullLogger<LogCheckpoints>.Instance);
        _backup = new LiteDbBackup(_db.Database, checkpoints, MsOptions.Create(options), _clock, NullLogger<LiteDbBackup>.Instance);
    }

    public void Dispose() => _db.Dispose();

    private ILiteCollection<BsonDocument> Cases => _db.Database.GetCollection("cases");

    [Fact]
    public void A_backup_is_a_verified_copy_that_opens_with_the_data_committed_before_it()
    {
        var transaction = new StoreTransaction(_db.Database);
        transaction.Run(() => Cases.InsertBulk(Enumerable.Range(1, 500).Select(i => new BsonDocument { ["_id"] = $"2026-{i:D4}", ["title"] = $"舆情 {i}" })));
        transaction.Dispose();

        var path = _backup.Run();
        Cases.Insert(new BsonDocument { ["_id"] = "after-the-backup" });

        Assert.Equal(Path.Combine(_folder, "unit-20261123T180000000Z.db"), path);
        Assert.True(LiteDbBackup.Verify(path));
        Assert.EndsWith("  unit-20261123T180000000Z.db\n", File.ReadAllText(path + LiteDbBackup.ChecksumExtension));
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp"));
        using (var copy = new LiteDatabase(new ConnectionString { Filename = path, ReadOnly = true }))
        {
            var cases = copy.GetCollection("cases");
            Assert.Equal(500, cases.Count());
            Assert.Equal("舆情 250", cases.FindById("2026-0250")["title"].AsString);
            Assert.Null(cases.FindById("after-the-backup"));
        }

        Assert.Equal(1000, _db.Database.CheckpointSize); // automatic checkpoints are back on
        Assert.Equal(501, Cases.Count());
    }

    [Fact]
    public void A_changed_copy_fails_verification()
    {
        Cases.Insert(new BsonDocument { ["_id"] = "2026-0001" });
        var path = _backup.Run();

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            var b = stream.ReadByte();
            stream.Position--;
            stream.WriteByte((byte)(b ^ 0xFF));
        }

        Assert.False(LiteDbBackup.Verify(path));
        File.Delete(path + LiteDbBackup.ChecksumExtension);
        Assert.False(LiteDbBackup.Verify(path));
    }

    [Fact]
    public async Task The_scheduled_job_keeps_only_the_newest_backups()
    {
        var job = new LiteDbBackupJob(_backup);
        var made = new List<string>();
        for (var night = 0; night < 5; night++)
        {
            Cases.Insert(new BsonDocument { ["_id"] = $"night-{night}" });
            await job.Execute(null!, CancellationToken.None);
            made.Add(_backup.Backups()[^1]);
            _clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(made.TakeLast(3), _backup.Backups());
        Assert.Equal(6, Directory.GetFiles(_folder).Length); // three copies and their checksums, nothing else
        Assert.All(_backup.Backups(), b => Assert.True(LiteDbBackup.Verify(b)));
        using var newest = new LiteDatabase(new ConnectionString { Filename = made[^1], ReadOnly = true });
        Assert.Equal(5, newest.GetCollection("cases").Count());
    }
}
