using System.Data;
using System.Runtime.ExceptionServices;
using Npgsql;

namespace OpinionBot.Storage.PostgreSql;

/// <summary>
/// The <see cref="IStoreTransaction"/> contract on PostgreSQL, with <b>group commit</b>: callers' work items are queued
/// and one writer thread per instance, on a connection of its own, runs up to <see cref="MaxBatch"/> of them inside ONE
/// READ COMMITTED transaction, each under a savepoint, and commits once. So the locks a report takes (the case-number
/// counter row) and the commit's WAL flush are paid once per batch, not once per report. While an item runs, the batch
/// is the ambient session of the stores; a <see cref="Run{T}"/> inside it joins it. Where work checks, then writes, the
/// stores lock what they check (<c>FOR UPDATE</c> on the case) or rely on a unique key.
/// <para>
/// An item that throws is rolled back to its savepoint; the others stay. When PostgreSQL reports a serialization
/// failure, a deadlock, or a unique key another transaction took first (<see cref="IsConflict"/>), the item is queued
/// again for a later batch (work is repeatable by contract) and then sees what the other committed, up to
/// <see cref="MaxAttempts"/> attempts; any other exception goes to that caller only. If the COMMIT fails or the
/// connection breaks, the batch's items run again one by one, each in its own transaction. Each caller returns once
/// the commit that holds its work has returned and its after-commit actions have run (never those of a rolled-back
/// attempt). Work must not wait for another thread that itself calls <see cref="Run{T}"/>: that work waits in the
/// queue behind it.
/// </para>
/// </summary>
public sealed class PostgresStoreTransaction(PostgresDatabase database, ILogger<PostgresStoreTransaction>? logger = null) : IStoreTransaction, IDisposable
{
    /// <summary>Attempts of one work item before the last conflict is let through to the caller.</summary>
    public const int MaxAttempts = 10;

    /// <summary>
    /// At most this many work items per commit: the transaction stays short, and its savepoints' subtransactions fit
    /// the 64 each PostgreSQL backend keeps in shared memory (more make every other snapshot slower).
    /// </summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "item";

    private readonly Lock _gate = new();
    private readonly LinkedList<WorkItem> _queue = new();
    private WriterThread? _writerThread;
    private NpgsqlConnection? _connection;
    private bool _disposed;
    private int _outstanding;
    private long _commits;
    private long _retries;

    /// <summary>Transactions committed so far: batches, plus items run alone (after a failed batch).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Work items run again after a conflict.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    private WriterThread Writer => LazyInitializer.EnsureInitialized(ref _writerThread, () => new WriterThread("PostgreSQL group commit", WriteLoop));

    public T Run<T>(Func<T> work)
    {
        if (database.Session is not null)
            return work();
        if (Writer.IsCurrent)
            return RunAlone(work, 0); // an after-commit action on the writer: queued, it would wait for itself
        return Enqueue(work).GetAwaiter().GetResult();
    }

    public Task<T> RunAsync<T>(Func<T> work)
    {
        if (database.Session is null && !Writer.IsCurrent)
            return Enqueue(work);
        try
        {
            return Task.FromResult(Run(work));
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

    public void AfterCommit(Action action)
    {
        if (database.Session is { } session)
            session.AfterCommit.Add(action);
        else
            action();
    }

    /// <summary>serialization_failure, deadlock_detected, unique_violation: another transaction got there first.</summary>
    public static bool IsConflict(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;

    private Task<T> Enqueue<T>(Func<T> work)
    {
        var queued = new QueuedWork<T>(work);
        var item = new WorkItem(queued);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _outstanding++;
            _queue.AddLast(item);
        }

        Writer.Start();
        Writer.Wake();
        return queued.Completion;
    }

    /// <summary>A conflicted item goes back to the head of the queue, after a short random back-off from its second conflict on.</summary>
    private void Requeue(WorkItem item)
    {
        var backOff = item.Attempts < 2 ? 0 : Random.Shared.Next(0, 2 << Math.Min(item.Attempts, 6));
        if (backOff == 0)
            Back();
        else
            _ = Task.Delay(backOff).ContinueWith(_ => Back(), TaskScheduler.Default);

        void Back()
        {
            lock (_gate) _queue.AddFirst(item);
            Writer.Wake();
        }
    }

    private void Settled()
    {
        lock (_gate) _outstanding--;
        Writer.Wake();
    }

    private void WriteLoop()
    {
        var batch = new List<WorkItem>(MaxBatch);
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    while (batch.Count < MaxBatch && _queue.First is { } first)
                    {
                        _queue.RemoveFirst();
                        batch.Add(first.Value);
                    }

                    if (batch.Count == 0 && _disposed && _outstanding == 0)
                        return;
                }

                if (batch.Count == 0)
                {
                    Writer.WaitForWork();
                    continue;
                }

                RunBatch(batch);
                batch.Clear();
            }
        }
        finally
        {
            _connection?.Dispose();
            _connection = null;
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        var committed = new List<WorkItem>(batch.Count);
        var pending = 0; // items of the batch not yet run
        try
        {
            if (_connection is not { State: ConnectionState.Open })
            {
                _connection?.Dispose();
                _connection = database.DataSource.OpenConnection();
            }

            using var transaction = _connection.BeginTransaction(IsolationLevel.ReadCommitted);
            for (; pending < batch.Count; pending++)
            {
                var item = batch[pending];
                transaction.Save(Savepoint);
                try
                {
                    item.Execute(new PostgresSession(database, _connection, transaction));
                }
                catch (Exception failure)
                {
                    transaction.Rollback(Savepoint); // throws when the connection is gone: the batch is lost
                    Failed(item, failure);
                    continue;
                }

                transaction.Release(Savepoint);
                committed.Add(item);
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
        }
        catch (Exception failure)
        {
            logger?.LogWarning(failure, "A batch of {Count} work items could not be committed; running them one by one", committed.Count + batch.Count - pending);
            _connection?.Dispose();
            _connection = null;
            foreach (var item in committed.Concat(batch.Skip(pending)))
                RunAlone(item);
            return;
        }

        foreach (var item in committed)
            Complete(item);
    }

    /// <summary>An item threw and was rolled back to its savepoint: a conflict runs again later, anything else fails its caller.</summary>
    private void Failed(WorkItem item, Exception failure)
    {
        if (failure is PostgresException conflict && IsConflict(conflict) && item.Attempts < MaxAttempts)
        {
            Interlocked.Increment(ref _retries);
            logger?.LogDebug("Transaction conflict ({SqlState}: {Message}); running the work again (attempt {Attempt})",
                conflict.SqlState, conflict.MessageText, item.Attempts + 1);
            Requeue(item);
            return;
        }

        item.Fail(ExceptionDispatchInfo.Capture(failure));
        Settled();
    }

    private void Complete(WorkItem item)
    {
        try
        {
            item.Complete();
        }
        catch (Exception failure)
        {
            item.Fail(ExceptionDispatchInfo.Capture(failure)); // an after-commit action threw: the work is committed nonetheless
        }

        Settled();
    }

    /// <summary>Runs an item in a transaction of its own on a pooled connection, retrying conflicts as long as it may.</summary>
    private void RunAlone(WorkItem item)
    {
        try
        {
            RunAlone(() =>
            {
                var own = database.Session!;
                item.Execute(new PostgresSession(database, own.Connection, own.Transaction)); // its after-commit actions run in Complete
                return true;
            }, item.Attempts);
        }
        catch (Exception failure)
        {
            item.Fail(ExceptionDispatchInfo.Capture(failure));
            Settled();
            return;
        }

        Complete(item);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction of its own on a pooled connection, not batched (inside running
    /// work: joins it), retrying conflicts: for short work holding a lock that other instances wait for, which should
    /// not be held for a whole batch.
    /// </summary>
    public T RunAlone<T>(Func<T> work) => database.Session is not null ? work() : RunAlone(work, 0);

    private T RunAlone<T>(Func<T> work, int attempts)
    {
        for (var attempt = attempts + 1; ; attempt++)
        {
            try
            {
                return RunOnce(work);
            }
            catch (PostgresException conflict) when (IsConflict(conflict) && attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _retries);
                logger?.LogDebug("Transaction conflict ({SqlState}: {Message}); running the work again (attempt {Attempt})",
                    conflict.SqlState, conflict.MessageText, attempt + 1);
                Thread.Sleep(Random.Shared.Next(0, 2 << Math.Min(attempt, 6))); // spread the contenders out
            }
        }
    }

    /// <summary>One transaction on a pooled connection; the after-commit actions of <see cref="WorkItem"/>s run in <see cref="Complete"/>.</summary>
    private T RunOnce<T>(Func<T> work)
    {
        using var connection = database.DataSource.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        var session = new PostgresSession(database, connection, transaction);
        T result;
        database.Enter(session);
        try
        {
            result = work();
        }
        finally
        {
            database.Enter(null);
        }

        transaction.Commit();
        Interlocked.Increment(ref _commits);
        foreach (var action in session.AfterCommit)
            action();
        return result;
    }

    /// <summary>Lets queued work finish (retries included), then stops the writer thread, which closes its connection.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
        }

        Writer.Join();
    }

    private sealed class WorkItem(QueuedWork work)
    {
        private List<Action> _afterCommit = [];

        /// <summary>Attempts started so far.</summary>
        public int Attempts { get; private set; }

        /// <summary>Runs the work as the ambient session (only this attempt's after-commit actions are kept); throws what it throws.</summary>
        public void Execute(PostgresSession session)
        {
            Attempts++;
            var outer = session.Database.Session;
            session.Database.Enter(session);
            _afterCommit = session.AfterCommit;
            try
            {
                work.Run();
            }
            finally
            {
                session.Database.Enter(outer);
            }
        }

        /// <summary>The work is committed: its after-commit actions run, then its caller gets the result.</summary>
        public void Complete()
        {
            foreach (var action in _afterCommit)
                action();
            work.Succeed();
        }

        public void Fail(ExceptionDispatchInfo failure) => work.Fail(failure);
    }
}
