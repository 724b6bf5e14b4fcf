using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// Runs a group of writes as one LiteDB transaction, one group at a time. LiteDB binds a transaction to its thread,
/// so the work is synchronous and holds a lock: checks-then-writes (numbering, "already recorded") cannot interleave.
/// </summary>
public sealed class StoreTransaction(ILiteDatabase database)
{
    private readonly Lock _gate = new();

    public T Run<T>(Func<T> work)
    {
        lock (_gate)
        {
            database.BeginTrans();
            try
            {
                var result = work();
                database.Commit();
                return result;
            }
            catch
            {
                database.Rollback();
                throw;
            }
        }
    }
}
