using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage;

public sealed class LogCheckpointsTests : IDisposable
{
    private const int Pages = 40;
    private const int IdlePages = 15; // a fresh file's first 5-document commit writes 9 log pages: kept clear of it
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TestDatabase _db = new();
    private readonly string _log;
    private readonly LogCheckpoints _checkpoints;
    private readonly StoreTransaction _transaction;
    private int _written;

    public LogCheckpointsTests()
    {
        _log = LiteDbRegistration.LogFileOf(_db.FilePath);
        _checkpoints = new LogCheckpoints(_db.Database, _log, NullLogger<LogCheckpoints>.Instance, Pages, IdlePages);
        _checkpoints.TakeOver();
        _transaction = new StoreTransaction(_db.Database, _log, _checkpoints);
    }

    public void Dispose()
    {
        _transaction.Dispose();
        _db.Dispose();
    }

    private long LogPages => File.Exists(_log) ? new FileInfo(_log).Length / 8192 : 0;

    private ILiteCollection<BsonDocument> Posts => _db.Database.GetCollection("posts");

    /// <summary>One commit of <paramref name="documents"/> documents of a page each (about one log page apiece).</summary>
    private void Write(int documents) => _transaction.Run(() =>
    {
        for (var i = 0; i < documents; i++)
            Posts.Insert(new BsonDocument { ["_id"] = ++_written, ["text"] = new string('舆', 2500) });
    });

    [Fact]
    public void Taking_over_turns_LiteDbs_own_checkpoints_off()
    {
        Assert.Equal(0, _db.Database.CheckpointSize);
    }

    [Fact]
    public void A_batch_that_fills_the_log_is_followed_by_a_checkpoint_that_keeps_every_write()
    {
        Write(5);
        Assert.InRange(LogPages, 5, Pages - 1);
        Assert.Equal(0, _checkpoints.Made);

        Write(Pages);

        Assert.True(SpinWait.SpinUntil(() => _checkpoints.Made == 1, Bound), "no checkpoint after the log filled");
        Assert.Equal(0, LogPages);
        Assert.Equal(Pages + 5, Posts.Count());
        _db.Database.Dispose();
        using var reopened = new LiteDatabase(new ConnectionString { Filename = _db.FilePath, ReadOnly = true });
        Assert.Equal(Pages + 5, reopened.GetCollection("posts").Count());
    }

    [Fact]
    public void Each_checkpoint_reports_its_duration_and_pages_to_the_meter()
    {
        var durations = new ConcurrentBag<double>();
        var pages = new ConcurrentBag<long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == LogCheckpoints.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (instrument.Name == LogCheckpoints.DurationInstrument) durations.Add(value);
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == LogCheckpoints.PagesInstrument) pages.Add(value);
        });
        listener.Start();

        Write(Pages + 5);

        Assert.True(SpinWait.SpinUntil(() => _checkpoints.Made == 1, Bound), "no checkpoint after the log filled");
        // The meter is shared: checkpoints of tests running alongside may be measured too.
        Assert.Contains(pages, p => p >= Pages);
        Assert.NotEmpty(durations);
        Assert.All(durations, d => Assert.True(d > 0, $"a checkpoint measured {d} ms"));
    }

    [Fact]
    public void A_writer_with_nothing_to_do_folds_in_a_log_of_idle_size_but_leaves_a_shorter_one()
    {
        Write(1);
        Assert.InRange(LogPages, 1, IdlePages - 1);
        Assert.False(SpinWait.SpinUntil(() => _checkpoints.Made > 0, LogCheckpoints.IdleAfter * 4), "a log under the idle size was folded in");

        Write(IdlePages);

        Assert.True(SpinWait.SpinUntil(() => _checkpoints.Made == 1, Bound), "no checkpoint once the writer was idle");
        Assert.Equal(0, LogPages);
        Assert.Equal(1 + IdlePages, Posts.Count());
    }

    [Fact]
    public void No_checkpoint_is_made_while_a_backup_holds_them()
    {
        var hold = _checkpoints.Hold();
        Write(Pages + 5);
        Write(1);
        Assert.Equal(0, _checkpoints.Made);
        Assert.True(LogPages > Pages);

        hold.Dispose();
        hold.Dispose(); // twice is once

        // The idle writer folds the log in on its next turn; a write here could race it and leave its own pages behind.
        Assert.True(SpinWait.SpinUntil(() => _checkpoints.Made == 1, Bound), "no checkpoint once the hold was released");
        Assert.Equal(0, LogPages);
        Assert.Equal(Pages + 6, Posts.Count());
    }

    [Fact]
    public void A_writer_that_stops_folds_in_what_is_left_of_the_log()
    {
        Write(1);
        Assert.InRange(LogPages, 1, IdlePages - 1);

        _transaction.Dispose();

        Assert.Equal(1, _checkpoints.Made);
        Assert.Equal(0, LogPages);
        Assert.Equal(1, Posts.Count());
    }

    [Fact]
    public void A_failed_checkpoint_is_logged_and_the_idle_writer_waits_for_the_next_batch_to_try_again()
    {
        _transaction.Dispose();
        for (var i = 0; i < IdlePages; i++)
            Posts.Insert(new BsonDocument { ["_id"] = i, ["text"] = new string('舆', 2500) });
        var logger = new Warnings();
        var checkpoints = new LogCheckpoints(_db.Database, _log, logger, pages: 1000, IdlePages);
        Assert.True(checkpoints.IdleWorthWaitingFor);
        _db.Database.Dispose(); // automatic checkpoints are off, so the log stays behind, and a checkpoint now fails

        checkpoints.WhenIdle();

        Assert.Equal(0, checkpoints.Made);
        Assert.Equal(1, logger.Count);
        Assert.False(checkpoints.IdleWorthWaitingFor);
        checkpoints.AfterBatch(); // a batch, with the log short of full: no attempt, but the idle writer may try again
        Assert.Equal(1, logger.Count);
        Assert.True(checkpoints.IdleWorthWaitingFor);
        checkpoints.WhenIdle();
        Assert.Equal(2, logger.Count);
    }

    /// <summary>Counts the warnings logged.</summary>
    private sealed class Warnings : Microsoft.Extensions.Logging.ILogger<LogCheckpoints>
    {
        public int Count { get; private set; }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state,
            Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == Microsoft.Extensions.Logging.LogLevel.Warning) Count++;
        }
    }
}
