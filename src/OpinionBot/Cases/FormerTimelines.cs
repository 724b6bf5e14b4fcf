using LiteDB;

namespace OpinionBot.Cases;

/// <summary>
/// Once, on a data file from before <see cref="TimelineLayout"/>: its events (ObjectId ids, indexed by case number and
/// dedup key) are copied in id order, <see cref="Chunk"/> at a time, into a new collection in the new layout, which then
/// takes the old one's name. Events are only ever inserted, and each is copied field for field, its old id kept as
/// <c>Seq</c>. A start interrupted part-way finds the old collection still there and copies again from the beginning;
/// one interrupted between dropping the old and renaming the new finishes the rename.
/// </summary>
public static class FormerTimelines
{
    public const int Chunk = 5_000;
    private const string Moving = TimelineLayout.Collection + "_moving";

    /// <summary>An index of the former layout, so the sign that the collection is still in it.</summary>
    private const string FormerIndex = "DedupKey";

    public static void MoveInto(ILiteDatabase database)
    {
        if (!database.CollectionExists(TimelineLayout.Collection) && database.CollectionExists(Moving))
            database.RenameCollection(Moving, TimelineLayout.Collection);
        if (!HasFormerLayout(database))
            return;

        database.DropCollection(Moving);
        var former = database.GetCollection(TimelineLayout.Collection);
        var moved = database.GetCollection(Moving);
        BsonValue? after = null;
        while (true)
        {
            var chunk = (after is null
                ? former.Find(Query.All(Query.Ascending), limit: Chunk)
                : former.Find(Query.GT("_id", after), limit: Chunk)).ToList();
            if (chunk.Count == 0) break;
            after = chunk[^1]["_id"];
            moved.InsertBulk(chunk.Select(TimelineLayout.FromFormer));
        }

        database.DropCollection(TimelineLayout.Collection);
        database.RenameCollection(Moving, TimelineLayout.Collection);
    }

    private static bool HasFormerLayout(ILiteDatabase database) =>
        database.GetCollection("$indexes").Find(Query.EQ("collection", TimelineLayout.Collection)).Any(i => i["name"].AsString == FormerIndex);
}
