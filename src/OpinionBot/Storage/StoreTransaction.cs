using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// Runs a group of writes as one LiteDB transaction, one group at a time. LiteDB binds a transaction to its thread,
/// so the work is synchronous and holds a lock: checks-then-writes (numbering, "already recorded") cannot interleave.
/// A <see cref="Run{T}"/> inside another joins it; what must wait for the commit (waking the outbox) is registered
/// with <see cref="AfterCommit"/>.
/// </summary>
public sealed class StoreTransaction(ILiteDatabase database)
{
    private readonly Lock _gate = new();
    private readonly ThreadLocal<Scope?> _current = new();

    /// <summary>True on a thread that is inside <see cref="Run{T}"/>.</summary>
    public bool IsActive => _current.Value is not null;

    public T Run<T>(Func<T> work)
    {
        if (_current.Value is not null)
            return work();

        var scope = new Scope();
        T result;
        lock (_gate)
        {
            _current.Value = scope;
            database.BeginTrans();
            try
            {
                result = work();
                database.Commit();
            }
            catch
            {
                database.Rollback();
                throw;
            }
            finally
            {
                _current.Value = null;
            }
        }

        foreach (var action in scope.AfterCommit)
            action();
        return result;
    }

    public void Run(Action work) => Run(() =>
    {
        work();
        return true;
    });

    /// <summary>Runs <paramref name="action"/> once the current transaction is committed (at once when there is none); never after a rollback.</summary>
    public void AfterCommit(Action action)
    {
        if (_current.Value is { } scope)
            scope.AfterCommit.Add(action);
        else
            action();
    }

    private sealed class Scope
    {
        public List<Action> AfterCommit { get; } = [];
    }
}
