using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// Reads of a small LiteDB collection that every request looks at and hardly anything writes (the roster, profiles,
/// conversations), kept in memory per database and collection. Each read in LiteDB costs a snapshot of the collection
/// and an index walk; these were a fifth of the intake's CPU. The store tells the cache after each write to the
/// collection: it forgets everything then, and again when that write's transaction commits or rolls back; a read that
/// raced with a write is not kept, nor is a read inside a transaction that has written the collection (it may see its
/// own uncommitted write). Documents are kept, not objects: every caller gets objects of its own, so changing them
/// changes nothing kept.
/// </summary>
public sealed class DocumentCache
{
    /// <summary>Reads kept per collection at most; beyond it (lookups of ids that keep changing) the cache starts again.</summary>
    public const int MaxKept = 10_000;

    private static readonly ConditionalWeakTable<ILiteDatabase, ConcurrentDictionary<string, DocumentCache>> ByDatabase = new();

    private readonly Lock _gate = new();
    private Dictionary<string, IReadOnlyList<BsonDocument>> _kept = new(StringComparer.Ordinal);
    private long _version;

    // Only the writer thread, inside work, reads or sets this: the open transaction has written the collection.
    private bool _writtenInTransaction;

    /// <summary>The cache of <paramref name="collection"/> in <paramref name="database"/>, shared by every store on it.</summary>
    public static DocumentCache Of(ILiteDatabase database, string collection) =>
        ByDatabase.GetOrCreateValue(database).GetOrAdd(collection, _ => new DocumentCache());

    /// <summary>The documents <paramref name="read"/> returns for <paramref name="key"/>: kept ones, or read and kept.</summary>
    public IReadOnlyList<BsonDocument> Get(string key, Func<IEnumerable<BsonDocument>> read)
    {
        long version;
        lock (_gate)
        {
            if (_kept.TryGetValue(key, out var kept)) return kept;
            version = _version;
        }

        var documents = read().ToList();
        if (!(StoreTransaction.InWork && _writtenInTransaction))
        {
            lock (_gate)
            {
                if (_version == version)
                {
                    if (_kept.Count >= MaxKept) _kept.Clear();
                    _kept[key] = documents;
                }
            }
        }

        return documents;
    }

    /// <summary>The one document <paramref name="read"/> returns for <paramref name="key"/> (or none): kept, or read and kept.</summary>
    public BsonDocument? GetOne(string key, Func<BsonDocument?> read) =>
        Get(key, () => read() is { } document ? [document] : []) is [var one] ? one : null;

    /// <summary>The collection has just been written: forget everything now, and again once the write commits or rolls back.</summary>
    public void Written()
    {
        Forget();
        if (!StoreTransaction.InWork) return;
        _writtenInTransaction = true;
        StoreTransaction.AfterCommitOfCurrentWork(Settled);
        StoreTransaction.AfterRollbackOfCurrentWork(Settled);
    }

    private void Settled()
    {
        _writtenInTransaction = false;
        Forget();
    }

    private void Forget()
    {
        lock (_gate)
        {
            _version++;
            _kept = new Dictionary<string, IReadOnlyList<BsonDocument>>(StringComparer.Ordinal);
        }
    }
}
