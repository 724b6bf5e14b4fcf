using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// Reads of a small LiteDB collection that every request looks at and hardly anything writes (the roster, profiles,
/// conversations), kept in memory per database and collection as mapped objects. Each read in LiteDB costs a snapshot of
/// the collection and an index walk, and each mapping of a document to an object a pass of the BSON mapper; together
/// these were a fifth of the intake's CPU. The store tells the cache after each write to the collection: it forgets
/// everything then, and again when that write's transaction commits or rolls back; a read that raced with a write is not
/// kept, nor is a read inside a transaction that has written the collection (it may see its own uncommitted write).
/// Every caller gets copies of its own (made by the store's copy function), so changing them changes nothing kept.
/// </summary>
public sealed class DocumentCache<T> where T : class
{
    private readonly Lock _gate = new();
    private readonly BsonMapper _mapper;
    private readonly Func<T, T> _copy;
    private Dictionary<string, IReadOnlyList<T>> _kept = new(StringComparer.Ordinal);
    private long _version;

    // Only the writer thread, inside work, reads or sets this: the open transaction has written the collection.
    private bool _writtenInTransaction;

    internal DocumentCache(BsonMapper mapper, Func<T, T> copy)
    {
        _mapper = mapper;
        _copy = copy;
    }

    /// <summary>Copies of the objects <paramref name="read"/> returns for <paramref name="key"/>: from kept ones, or read, mapped and kept.</summary>
    public IReadOnlyList<T> Get(string key, Func<IEnumerable<BsonDocument>> read)
    {
        var objects = Read(key, read, out var kept);
        return kept ? Copies(objects) : objects;
    }

    /// <summary>A copy of the one object <paramref name="read"/> returns for <paramref name="key"/> (or none): kept, or read and kept.</summary>
    public T? GetOne(string key, Func<BsonDocument?> read) =>
        Find(key, () => read() is { } document ? [document] : [], _ => true);

    /// <summary>A copy of the first of the objects kept for <paramref name="key"/> that <paramref name="match"/> accepts; the others are not copied.</summary>
    public T? Find(string key, Func<IEnumerable<BsonDocument>> read, Func<T, bool> match)
    {
        var objects = Read(key, read, out var kept);
        return objects.FirstOrDefault(match) is { } found ? (kept ? _copy(found) : found) : null;
    }

    /// <summary>The objects kept for <paramref name="key"/> (<paramref name="kept"/>: not to be handed out), or read and mapped anew.</summary>
    private IReadOnlyList<T> Read(string key, Func<IEnumerable<BsonDocument>> read, out bool kept)
    {
        long version;
        lock (_gate)
        {
            kept = _kept.TryGetValue(key, out var objects);
            if (kept) return objects!;
            version = _version;
        }

        var mapped = read().Select(_mapper.ToObject<T>).ToList();
        if (!(StoreTransaction.InWork && _writtenInTransaction))
        {
            lock (_gate)
            {
                if (_version == version)
                {
                    if (_kept.Count >= DocumentCache.MaxKept) _kept.Clear();
                    _kept[key] = Copies(mapped);
                }
            }
        }

        return mapped;
    }

    /// <summary>The collection has just been written: forget everything now, and again once the write commits or rolls back.</summary>
    public void Written()
    {
        Forget();
        if (!StoreTransaction.InWork) return;
        _writtenInTransaction = true;
        StoreTransaction.AfterCommitOfCurrentWork(Settled);
        StoreTransaction.AfterRollbackOfCurrentWork(Settled);
    }

    private List<T> Copies(IReadOnlyList<T> objects)
    {
        var copies = new List<T>(objects.Count);
        foreach (var kept in objects)
            copies.Add(_copy(kept));
        return copies;
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
            _kept = new Dictionary<string, IReadOnlyList<T>>(StringComparer.Ordinal);
        }
    }
}

/// <summary>Where each collection's <see cref="DocumentCache{T}"/> is found: one per database and collection, shared by every store on it.</summary>
public static class DocumentCache
{
    /// <summary>Reads kept per collection at most; beyond it (lookups of ids that keep changing) the cache starts again.</summary>
    public const int MaxKept = 10_000;

    private static readonly ConditionalWeakTable<ILiteDatabase, ConcurrentDictionary<string, object>> ByDatabase = new();

    /// <summary>The cache of <paramref name="collection"/> in <paramref name="database"/>, handing out copies made by <paramref name="copy"/>.</summary>
    public static DocumentCache<T> Of<T>(ILiteDatabase database, string collection, Func<T, T> copy) where T : class =>
        ByDatabase.GetOrCreateValue(database).GetOrAdd(collection, _ => new DocumentCache<T>(database.Mapper, copy)) as DocumentCache<T>
        ?? throw new InvalidOperationException($"The collection {collection} is already cached as another type than {typeof(T).Name}.");
}
