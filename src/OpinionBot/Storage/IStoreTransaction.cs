namespace OpinionBot.Storage;

/// <summary>
/// Groups of reads and writes that commit together or not at all: <see cref="StoreTransaction"/> on LiteDB (group
/// commit on one writer thread), <see cref="PostgreSql.PostgresStoreTransaction"/> on PostgreSQL (group commit
/// too: one writer connection per instance, a savepoint per work item). On both, work may run more than once (a batch re-run, a serialization failure retried),
/// so it must be repeatable: reads and writes through the stores, in-memory changes to objects it loads or fully
/// re-assigns, and nothing sent or counted outside the database. A <see cref="Run{T}"/> inside running work joins it.
/// </summary>
public interface IStoreTransaction
{
    /// <summary>Runs <paramref name="work"/> in a transaction and waits (blocking the calling thread) until it is committed.</summary>
    T Run<T>(Func<T> work);

    /// <summary>The same, the result coming as a task once the commit has returned.</summary>
    Task<T> RunAsync<T>(Func<T> work);

    void Run(Action work);

    /// <summary>
    /// Runs <paramref name="action"/> once the work that registers it is committed — never after a rollback; at once
    /// when called outside any work. For what must not happen before the commit, such as waking the outbox.
    /// </summary>
    void AfterCommit(Action action);
}
