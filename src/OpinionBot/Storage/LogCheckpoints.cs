using System.Diagnostics;
using System.Diagnostics.Metrics;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// Decides when LiteDB's write-ahead log is folded into the data file. A checkpoint holds every reader and writer
/// while it copies the log's pages, flushes the data file and truncates the log: on the 2-core test machine about
/// 16 ms for 400 pages and 30 ms for 1,000. LiteDB's automatic checkpoint runs inside the commit that takes the
/// log past its size, so the callers of that batch wait for it as well as those who come after. Here automatic
/// checkpoints are off (<see cref="TakeOver"/>) and the group-commit writer asks between batches. After it has
/// answered a batch's callers, a checkpoint is made at <see cref="Pages"/> log pages (<see cref="AfterBatch"/>). Once
/// no work has come for <see cref="IdleAfter"/>, one is made from <see cref="IdlePages"/> (<see cref="WhenIdle"/>), so
/// the next burst of reports finds a short log. When the writer stops, the whole log is folded in (<see cref="WhenClosing"/>).
/// </summary>
public sealed class LogCheckpoints(ILiteDatabase database, string logFile, ILogger<LogCheckpoints> logger,
    int pages = LogCheckpoints.DefaultPages, int idlePages = LogCheckpoints.DefaultIdlePages)
{
    /// <summary>
    /// 3.2 MB of log, about 130 reports under load. Smaller than LiteDB's own 1,000: a checkpoint's stall grows with
    /// its pages, and every request in flight waits for it (measured in docs/perf/intake-profile.md, seventh pass).
    /// </summary>
    public const int DefaultPages = 400;

    public const int DefaultIdlePages = 100;

    /// <summary>How long the writer must have had nothing to do before a short log is folded in.</summary>
    public static readonly TimeSpan IdleAfter = TimeSpan.FromMilliseconds(50);

    /// <summary>The meter of this class's instruments (read them with <c>dotnet-counters monitor --counters OpinionBot.Storage</c>).</summary>
    public const string MeterName = "OpinionBot.Storage";

    /// <summary>Histogram of each checkpoint's duration, in ms.</summary>
    public const string DurationInstrument = "opinionbot.litedb.checkpoint.duration";

    /// <summary>Histogram of the log pages each checkpoint folded in.</summary>
    public const string PagesInstrument = "opinionbot.litedb.checkpoint.pages";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> Durations = Meter.CreateHistogram<double>(
        DurationInstrument, "ms", "How long a LiteDB checkpoint held every reader and writer");

    private static readonly Histogram<long> LogPagesFolded = Meter.CreateHistogram<long>(
        PagesInstrument, "{page}", "Log pages folded into the data file by one checkpoint");

    private readonly Lock _gate = new();
    private int _held;
    private int _automaticBeforeHold;
    private long _made;

    // A checkpoint failed and no batch has run since: the idle writer does not try again every IdleAfter.
    private volatile bool _failedSinceLastBatch;

    public int Pages => pages;

    public int IdlePages => idlePages;

    /// <summary>Checkpoints made here so far.</summary>
    public long Made => Interlocked.Read(ref _made);

    /// <summary>Turns LiteDB's automatic checkpoints off (a pragma kept in the file): from now on this class makes them.</summary>
    public void TakeOver() => database.CheckpointSize = 0;

    /// <summary>Called by the writer after a batch (no transaction open on its thread): a checkpoint if the log is full.</summary>
    public void AfterBatch()
    {
        _failedSinceLastBatch = false;
        CheckpointFrom(pages);
    }

    /// <summary>Called by the writer when no work has come for <see cref="IdleAfter"/>: a checkpoint unless the log is short.</summary>
    public void WhenIdle() => CheckpointFrom(idlePages);

    /// <summary>
    /// Called once the writer has stopped: the whole log is folded in, as LiteDB itself does on closing only while its
    /// automatic checkpoints are on. A stopped service then leaves its data file alone, without a log beside it.
    /// </summary>
    public void WhenClosing() => CheckpointFrom(1);

    /// <summary>Whether <see cref="WhenIdle"/> would have anything to do (not after a failure, until the next batch).</summary>
    public bool IdleWorthWaitingFor => LogPages() >= idlePages && !_failedSinceLastBatch;

    private void CheckpointFrom(int logPagesAtLeast)
    {
        lock (_gate)
        {
            if (_held > 0) return;
            var logPages = LogPages();
            if (logPages < logPagesAtLeast) return;
            try
            {
                var started = Stopwatch.GetTimestamp();
                database.Checkpoint();
                Durations.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                LogPagesFolded.Record(logPages);
                Interlocked.Increment(ref _made);
            }
            catch (Exception failure) when (failure is LiteException or IOException or ObjectDisposedException)
            {
                // Nothing is lost: the log keeps every committed page, and the next batch (or the next start) tries again.
                _failedSinceLastBatch = true;
                logger.LogWarning(failure, "LiteDB checkpoint of {LogPages} log pages failed", logPages);
            }
        }
    }

    /// <summary>
    /// No checkpoint is made until the returned handle is disposed (a backup copying the data file): none here, and
    /// none by LiteDB itself where its automatic ones are still on (tools and tests that do not <see cref="TakeOver"/>).
    /// </summary>
    public IDisposable Hold()
    {
        lock (_gate)
        {
            if (_held++ == 0)
            {
                _automaticBeforeHold = database.CheckpointSize;
                database.CheckpointSize = 0;
            }
        }

        return new Release(this);
    }

    private void Released()
    {
        lock (_gate)
        {
            if (--_held == 0 && _automaticBeforeHold > 0)
                database.CheckpointSize = _automaticBeforeHold;
        }
    }

    private long LogPages()
    {
        var log = new FileInfo(logFile);
        return log.Exists ? log.Length / 8192 : 0;
    }

    private sealed class Release(LogCheckpoints owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                owner.Released();
        }
    }
}
