using System.Data;
using Npgsql;

namespace OpinionBot.Storage.PostgreSql;

/// <summary>
/// The <see cref="IStoreTransaction"/> contract on PostgreSQL: each work item runs on a pooled connection in one
/// READ COMMITTED transaction, ambient for the stores on this thread; a <see cref="Run{T}"/> inside it joins it. Where
/// work checks, then writes, the stores lock what they check (<c>FOR UPDATE</c> on the case) or rely on a unique key.
/// When PostgreSQL reports a serialization failure, a deadlock, or a unique key another instance took first, the
/// transaction is rolled back and the work runs again (it is repeatable by contract), and then sees what the other
/// committed. After-commit actions run once, after the commit that holds the work.
/// </summary>
public sealed class PostgresStoreTransaction(PostgresDatabase database, ILogger<PostgresStoreTransaction>? logger = null) : IStoreTransaction
{
    /// <summary>Attempts of one work item before the last conflict is let through to the caller.</summary>
    public const int MaxAttempts = 10;

    private long _commits;
    private long _retries;

    /// <summary>Transactions committed so far.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Work items run again after a conflict.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public T Run<T>(Func<T> work)
    {
        if (database.Session is not null)
            return work();

        for (var attempt = 1; ; attempt++)
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

    public Task<T> RunAsync<T>(Func<T> work)
    {
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

    /// <summary>serialization_failure, deadlock_detected, unique_violation: another transaction got there first.</summary>
    public static bool IsConflict(PostgresException exception) =>
        exception.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;
}
