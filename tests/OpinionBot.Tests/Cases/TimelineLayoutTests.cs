using LiteDB;
using OpinionBot.Cases;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

/// <summary>
/// Timelines on LiteDB, kept with the <c>_id</c> index alone (<see cref="TimelineLayout"/>), and a data file from before
/// it, whose events move into the layout when the store starts (<see cref="FormerTimelines"/>).
/// </summary>
public sealed class TimelineLayoutTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private ILiteCollection<BsonDocument> Events => _db.Database.GetCollection(TimelineLayout.Collection);

    private CaseStore Store()
    {
        var store = new CaseStore(_db.Database, new StoreTransaction(_db.Database));
        store.EnsureIndexes();
        return store;
    }

    private static CaseEvent Event(string number, string key, int minutes) => new()
    {
        CaseNumber = number, At = At.AddMinutes(minutes), Kind = CaseEventKind.ProgressNote, ActorKey = "officer@x", ActorName = "王芳",
        Comment = $"{number} {key}", DedupKey = $"{key}",
    };

    /// <summary>Numbers next to each other in text or in bytes, numbers not as the procedure writes them, and any other text.</summary>
    private static readonly string[] Numbers =
        ["2026-0001", "2026-0010", "2026-0100", "2026-1000", "2026-10000", "2026-00001", "2025-0001", "2027-0001", "case-x", "case-y", "2026-0001 ", "２０２６-0001"];

    [Fact]
    public void Each_case_reads_its_own_timeline_and_a_dedup_key_counts_within_its_case()
    {
        var store = Store();
        foreach (var number in Numbers)
        {
            Assert.True(store.Append(Event(number, "first", 0)));
            Assert.True(store.Append(Event(number, "second", 1)));
            Assert.False(store.Append(Event(number, "first", 2)));
        }

        foreach (var number in Numbers)
        {
            Assert.Equal([$"{number} first", $"{number} second"], store.Timeline(number).Select(e => e.Comment));
            Assert.True(store.HasEvent(number, "second"));
            Assert.False(store.HasEvent(number, "third"));
        }

        Assert.Equal(Numbers.Length * 2, Events.Count());
    }

    [Fact]
    public void Events_are_kept_with_the_id_index_alone_and_read_by_ranges_and_keys_of_it()
    {
        var store = Store();
        store.Append(Event("2026-0042", "first", 0));
        var (from, to) = TimelineLayout.RangeOf("2026-0042");

        var indexes = _db.Database.GetCollection("$indexes").Find(Query.EQ("collection", TimelineLayout.Collection)).Select(i => i["name"].AsString);
        var timeline = Events.Query().Where(BsonExpression.Create("$._id BETWEEN @0 AND @1", from, to)).GetPlan();
        var known = Events.Query().Where(BsonExpression.Create("$._id = @0", TimelineLayout.Key("2026-0042", "first"))).GetPlan();

        Assert.Equal(["_id"], indexes);
        Assert.Equal("_id", timeline["index"]["name"].AsString);
        Assert.Equal("_id", known["index"]["name"].AsString);
    }

    [Fact]
    public void A_timeline_is_kept_field_for_field_with_its_insertion_order()
    {
        var store = Store();
        var written = Enumerable.Range(0, 5).Select(i => Event("2026-0007", $"k{i}", i < 3 ? 0 : i)).ToList();
        foreach (var caseEvent in written)
            store.Append(caseEvent);

        var read = store.Timeline("2026-0007");

        Assert.Equal(written.Select(Json), read.Select(Json));
    }

    /// <summary>
    /// Events written as builds before the layout wrote them (ObjectId ids, indexed by case number and dedup key): more than
    /// one chunk of the move, in every case order, with ties in time that only the insertion order settles.
    /// </summary>
    private List<CaseEvent> FormerFile()
    {
        var former = _db.Database.GetCollection<CaseEvent>(TimelineLayout.Collection);
        var events = Enumerable.Range(0, FormerTimelines.Chunk + 1_234)
            .Select(i => Event(CaseNumber.Format(2026, 1 + i % 1_500), $"former-{i}", i / 3_000))
            .ToList();
        former.InsertBulk(events);
        former.EnsureIndex(e => e.CaseNumber);
        former.EnsureIndex(e => e.DedupKey, unique: true);
        return events;
    }

    [Fact]
    public void A_former_files_events_move_into_the_layout_whole_and_in_order()
    {
        var events = FormerFile();

        var store = Store();

        Assert.Equal(events.Count, Events.Count());
        Assert.False(_db.Database.CollectionExists(TimelineLayout.Collection + "_moving"));
        foreach (var number in new[] { "2026-0001", "2026-0750", "2026-1500" })
            Assert.Equal(CaseEvent.InTimelineOrder(events.Where(e => e.CaseNumber == number)).Select(Json), store.Timeline(number).Select(Json));
        Assert.True(store.HasEvent("2026-0001", "former-0"));
        Assert.False(store.Append(Event("2026-0001", "former-0", 99)));

        Store();
        Assert.Equal(events.Count, Events.Count());
    }

    [Fact]
    public void A_former_file_that_never_had_an_event_starts_and_records_events_in_the_layout()
    {
        var former = _db.Database.GetCollection<CaseEvent>(TimelineLayout.Collection);
        former.EnsureIndex(e => e.CaseNumber);
        former.EnsureIndex(e => e.DedupKey, unique: true);

        var store = Store();
        Assert.True(store.Append(Event("2026-0001", "first", 0)));

        Assert.Equal(["first"], store.Timeline("2026-0001").Select(e => e.DedupKey));
        Assert.False(_db.Database.CollectionExists(TimelineLayout.Collection + "_moving"));
        Assert.Equal(["_id"], _db.Database.GetCollection("$indexes").Find(Query.EQ("collection", TimelineLayout.Collection)).Select(i => i["name"].AsString));
    }

    [Fact]
    public void A_move_interrupted_before_the_old_collection_went_is_done_again_and_one_interrupted_at_the_rename_is_finished()
    {
        var events = FormerFile();
        _db.Database.GetCollection(TimelineLayout.Collection + "_moving").Insert(new BsonDocument { ["_id"] = 1, ["half"] = "copied" });

        Store();
        Assert.Equal(events.Count, Events.Count());

        _db.Database.RenameCollection(TimelineLayout.Collection, TimelineLayout.Collection + "_moving");
        var store = Store();
        Assert.Equal(events.Count, Events.Count());
        Assert.Equal(events.Count(e => e.CaseNumber == "2026-0001"), store.Timeline("2026-0001").Count);
    }

    private static string Json(CaseEvent e) => System.Text.Json.JsonSerializer.Serialize(e);
}
