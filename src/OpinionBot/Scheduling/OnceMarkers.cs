using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Scheduling;

/// <summary>
/// "This was done" marks with unique keys (a slip's step and count, a day's reminder): taken in the same transaction as
/// the messages they stand for, so a restart or two overlapping scans never send anything twice.
/// </summary>
public sealed class OnceMarkers(ILiteDatabase database) : IOnceMarkers, ICollectionIndexes
{
    private ILiteCollection<BsonDocument> Marks => database.GetCollection("once_markers");

    public void EnsureIndexes() { }

    /// <summary>Marks <paramref name="key"/>; false when it was already marked. Call inside a <see cref="StoreTransaction"/>.</summary>
    public bool TryMark(string key, DateTimeOffset at)
    {
        if (Marks.Get(key) is not null) return false;
        Marks.Insert(new BsonDocument { ["_id"] = key, ["at"] = at.UtcDateTime });
        return true;
    }

    public bool IsMarked(string key) => Marks.Get(key) is not null;
}
