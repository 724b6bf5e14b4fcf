using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using LiteDB;
using Microsoft.Win32.SafeHandles;

namespace OpinionBot.Storage;

/// <summary>
/// Runs groups of reads and writes as LiteDB transactions, one group at a time, with <b>group commit</b>: the work of
/// callers who arrive while a commit is under way is run, in arrival order, by one writer thread inside ONE
/// <c>BeginTrans</c>/<c>Commit</c>, so a burst of N reports costs one commit (and the log pages the batch touched),
/// not N. Each caller returns when the commit that holds its work has returned. Checks-then-writes (numbering,
/// "already recorded") still cannot interleave: the items of a batch run one after another and each sees the writes
/// of those before it.
/// <para>
/// If a work item throws, the whole batch is rolled back and its items are run again one by one, each in its own
/// transaction, so only the failing caller sees its exception. A unique key already taken (<see cref="IsConflict"/>)
/// is run again even when the item was alone in its batch: as on PostgreSQL, work may insert first and check only when
/// it runs again (a repeated report). Work must therefore be repeatable: reads and writes on the database, and
/// in-memory changes to objects it loads or fully re-assigns (no sends, no counters outside it).
/// </para>
/// <para>
/// LiteDB binds a transaction to the thread that began it, so all work runs on the writer thread; a <see cref="Run{T}"/>
/// inside a work item (a store method that opens its own transaction, called from another one's work) runs inline and
/// joins the enclosing transaction. Work must not wait for another thread that itself calls <see cref="Run{T}"/>.
/// </para>
/// <para>
/// With <see cref="LogCheckpoints"/>, the writer folds the log into the data file between batches, after the callers
/// of the last one have been answered, instead of inside a commit.
/// </para>
/// </summary>
public sealed class StoreTransaction(ILiteDatabase database, string? logFile = null, LogCheckpoints? checkpoints = null)
    : IStoreTransaction, IDisposable
{
    /// <summary>At most this many work items per commit, so one transaction stays small.</summary>
    public const int MaxBatch = 256;

    [ThreadStatic]
    private static StoreTransaction? t_running;

    [ThreadStatic]
    private static WorkItem? t_item;

    private readonly Lock _gate = new();
    private readonly Queue<WorkItem> _queue = new();
    private WriterThread? _writer;
    private bool _disposed;
    private long _commits;

    /// <summary>Commits made so far (batches, plus the one-by-one re-runs after a failed batch).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// The database's write-ahead log file, fsynced once after each commit: LiteDB (5.0.21) writes a commit's pages
    /// to the log before <c>Commit</c> returns but leaves flushing them to the disk to its checkpoints. Null (tests
    /// on throw-away files): no fsync.
    /// </summary>
    public string? LogFile => logFile;

    /// <summary>Work items waiting for the next batch (for tests).</summary>
    internal int Queued
    {
        get
        {
            lock (_gate) return _queue.Count;
        }
    }

    /// <summary>Runs <paramref name="work"/> in a transaction and waits (blocking the calling thread) until it is committed.</summary>
    public T Run<T>(Func<T> work)
    {
        if (t_running == this)
            return work();
        return Enqueue(work).GetAwaiter().GetResult();
    }

    /// <summary>The same without blocking a thread while the batch runs: the result comes when the commit has returned.</summary>
    public Task<T> RunAsync<T>(Func<T> work)
    {
        if (t_running != this)
            return Enqueue(work);
        try
        {
            return Task.FromResult(work());
        }
        catch (Exception failure)
        {
            return Task.FromException<T>(failure);
        }
    }

    public void Run(Action work) => Run(() =>
    {
        work();
        return true;
    });

    /// <summary>
    /// Runs <paramref name="action"/> once the work that registers it is committed — never after a rollback; at once
    /// when called outside any work. For what must not happen before the commit, such as waking the outbox.
    /// </summary>
    public void AfterCommit(Action action)
    {
        if (t_running == this && t_item is { } item)
            item.AfterCommit.Add(action);
        else
            action();
    }

    /// <summary>True on the writer thread while work runs (inside an uncommitted transaction).</summary>
    public static bool InWork => t_item is not null;

    /// <summary>Stands for the work running on this thread (compared by reference; a re-run after a failed batch is the same work); null outside any.</summary>
    public static object? CurrentWork => t_item;

    /// <summary>
    /// Runs <paramref name="action"/> once the work running on this thread (in whichever <see cref="StoreTransaction"/>)
    /// is committed, or at once outside any: for in-memory state that must follow only committed writes.
    /// </summary>
    public static void AfterCommitOfCurrentWork(Action action)
    {
        if (t_item is { } item)
            item.AfterCommit.Add(action);
        else
            action();
    }

    /// <summary>Runs <paramref name="action"/> if the work running on this thread is rolled back; outside any work, never.</summary>
    public static void AfterRollbackOfCurrentWork(Action action) => t_item?.AfterRollback.Add(action);

    private Task<T> Enqueue<T>(Func<T> work)
    {
        var queued = new QueuedWork<T>(work);
        var item = new WorkItem(queued);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _queue.Enqueue(item);
            _writer ??= new WriterThread("LiteDB group commit", WriteLoop);
        }

        _writer.Start();
        _writer.Wake();
        return queued.Completion;
    }

    private void WriteLoop()
    {
        t_running = this;
        var batch = new List<WorkItem>(MaxBatch);
        while (true)
        {
            lock (_gate)
            {
                while (batch.Count < MaxBatch && _queue.TryDequeue(out var item))
                    batch.Add(item);
                if (batch.Count == 0 && _disposed)
                    return;
            }

            if (batch.Count == 0)
            {
                if (checkpoints is not { IdleWorthWaitingFor: true })
                    _writer!.WaitForWork();
                else if (!_writer!.WaitForWork(LogCheckpoints.IdleAfter))
                    checkpoints.WhenIdle();
                continue;
            }

            try
            {
                RunBatch(batch);
            }
            catch (Exception failure)
            {
                // The database itself failed (closed, rollback impossible): nobody may be left waiting.
                var captured = ExceptionDispatchInfo.Capture(failure);
                foreach (var item in batch)
                    item.Fail(captured);
            }

            batch.Clear();
            checkpoints?.AfterBatch();
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        database.BeginTrans();
        try
        {
            foreach (var item in batch)
                item.Execute();
        }
        catch (Exception failure)
        {
            database.Rollback();
            foreach (var item in batch)
                item.RolledBack();
            if (batch.Count == 1)
            {
                // Alone, the item has had its first run: a conflict gets the second, anything else fails its caller.
                if (IsConflict(failure))
                    RunAlone(batch[0], conflictRunsAgain: false);
                else
                    batch[0].Fail(ExceptionDispatchInfo.Capture(failure));
                return;
            }

            foreach (var item in batch)
                RunAlone(item);
            return;
        }

        try
        {
            database.Commit();
            Interlocked.Increment(ref _commits);
            FlushLog();
        }
        catch (Exception failure)
        {
            database.Rollback();
            var captured = ExceptionDispatchInfo.Capture(failure);
            foreach (var item in batch)
            {
                item.RolledBack();
                item.Fail(captured);
            }

            return;
        }

        foreach (var item in batch)
            item.Complete();
    }

    /// <summary>A unique index refused a key another write already holds: the work, run again, sees that write.</summary>
    public static bool IsConflict(Exception failure) => failure is LiteException { ErrorCode: LiteException.INDEX_DUPLICATE_KEY };

    /// <summary>
    /// Runs an item in a transaction of its own. A conflict runs it once more: an item that had not run yet when its
    /// batch failed runs here for the first time, and only a second run of it checks what its first may have collided with.
    /// </summary>
    private void RunAlone(WorkItem item, bool conflictRunsAgain = true)
    {
        database.BeginTrans();
        try
        {
            item.Execute();
            database.Commit();
            Interlocked.Increment(ref _commits);
            FlushLog();
        }
        catch (Exception failure)
        {
            database.Rollback();
            item.RolledBack();
            if (conflictRunsAgain && IsConflict(failure))
                RunAlone(item, conflictRunsAgain: false);
            else
                item.Fail(ExceptionDispatchInfo.Capture(failure));
            return;
        }

        item.Complete();
    }

    /// <summary>
    /// Makes the committed pages durable: one fsync of the log file for the whole batch (it also covers whatever
    /// other writers committed to the log meanwhile). The file is opened anew each time, as a checkpoint may have
    /// truncated or replaced it.
    /// </summary>
    private void FlushLog()
    {
        if (logFile is null) return;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return; // checkpointed and removed: everything is in the data file, which the checkpoint flushed
        }

        using (handle)
        {
            if (fsync(handle) != 0)
                throw new IOException($"fsync of {logFile} failed (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(SafeFileHandle handle);

    /// <summary>Lets queued work finish, then stops the writer thread.</summary>
    public void Dispose()
    {
        WriterThread? writer;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            writer = _writer;
        }

        writer?.Join();
        checkpoints?.WhenClosing();
    }

    private sealed class WorkItem(QueuedWork work)
    {
        /// <summary>What the work asked to run once it is committed (<see cref="StoreTransaction.AfterCommit"/>).</summary>
        public List<Action> AfterCommit { get; } = [];

        /// <summary>What the work asked to run if it is rolled back (<see cref="StoreTransaction.AfterRollbackOfCurrentWork"/>).</summary>
        public List<Action> AfterRollback { get; } = [];

        /// <summary>Runs the work inside the open transaction; throws what it throws.</summary>
        public void Execute()
        {
            AfterCommit.Clear();
            AfterRollback.Clear();
            t_item = this;
            try
            {
                work.Run();
            }
            finally
            {
                t_item = null;
            }
        }

        /// <summary>The work is committed: its after-commit actions run, then its caller gets the result.</summary>
        public void Complete()
        {
            foreach (var action in AfterCommit)
                action();
            work.Succeed();
        }

        public void RolledBack()
        {
            foreach (var action in AfterRollback)
                action();
            AfterRollback.Clear();
        }

        public void Fail(ExceptionDispatchInfo failure) => work.Fail(failure);
    }
}
