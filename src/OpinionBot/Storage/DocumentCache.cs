using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// Reads of a small LiteDB collection that every request looks at and hardly anything writes (the roster, profiles,
/// conversations), kept in memory per database and collection. Each read in LiteDB costs a snapshot of the collection
/// and an index walk; these were a fifth of the intake's CPU. The store clears the cache whenever it writes the
/// collection, and again once that write has committed; a read that raced with a write is not kept. Documents are
/// kept, not objects: every caller gets objects of its own, so changing them changes nothing kept.
/// </summary>
public sealed class DocumentCache
{
    private static readonly ConditionalWeakTable<ILiteDatabase, ConcurrentDictionary<string, DocumentCache>> ByDatabase = new();

    private readonly Lock _gate = new();
    private Dictionary<string, IReadOnlyList<BsonDocument>> _kept = new(StringComparer.Ordinal);
    private long _version;

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
        // Inside a transaction a read may see its own uncommitted writes: used, never kept.
        if (!StoreTransaction.InWork)
        {
            lock (_gate)
            {
                if (_version == version) _kept[key] = documents;
            }
        }

        return documents;
    }

    /// <summary>The collection is being written: forget everything now, and again once the write has committed.</summary>
    public void Written()
    {
        Forget();
        StoreTransaction.AfterCommitOfCurrentWork(Forget);
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
