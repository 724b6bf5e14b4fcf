using LiteDB;
using OpinionBot.Cases;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

/// <summary>A data file from before <see cref="IndexedCaseFields"/>: its cases get the stored fields, and the indexes change, when the store starts.</summary>
public sealed class IndexedCaseFieldsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero);
    private static readonly string[] Units = ["propaganda", "education", "health"];
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private ILiteCollection<BsonDocument> Documents => _db.Database.GetCollection(CaseStore.Collection);

    private CaseStore Store() => new(_db.Database, new StoreTransaction(_db.Database));

    /// <summary>12,000 cases in every state, written as an earlier build did: without the stored fields, with the former indexes.</summary>
    private List<Case> FormerFile()
    {
        var states = Enum.GetValues<CaseState>();
        var cases = Enumerable.Range(1, 12_000).Select(n => new Case
        {
            Number = CaseNumber.Format(2026, n), Year = 2026, Sequence = n, SubmissionId = $"s{n}", UnitId = Units[n % Units.Length],
            State = states[n % states.Length], ReportedAt = Start.AddMinutes(n), ReportedOn = DateOnly.FromDateTime(Start.AddMinutes(n).UtcDateTime),
        }).ToList();
        Documents.InsertBulk(cases.Select(c =>
        {
            var document = _db.Database.Mapper.ToDocument(c);
            document.Remove(nameof(Case.OpenUnitId));
            document.Remove(nameof(Case.WaitingSince));
            return document;
        }));
        Documents.EnsureIndex(nameof(Case.UnitId), "$.UnitId");
        Documents.EnsureIndex(nameof(Case.State), "$.State");
        Documents.EnsureIndex("WaitingSince", "IIF($.State = 'Reported' OR $.State = 'PrincipalReview', $.ReportedAt, null)");
        return cases;
    }

    private Dictionary<string, string> Indexes() =>
        _db.Database.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", new BsonValue(CaseStore.Collection)))
            .ToDictionary(d => d["name"].AsString, d => d["expression"].AsString);

    [Fact]
    public void The_former_cases_get_the_stored_fields_and_the_indexes_they_replace_go()
    {
        var cases = FormerFile();

        Store().EnsureIndexes();

        var indexes = Indexes();
        Assert.Equal("$.OpenUnitId", indexes[IndexedCaseFields.OpenUnitIndex]);
        Assert.Equal("$.WaitingSince", indexes[IndexedCaseFields.WaitingSinceIndex]);
        Assert.DoesNotContain(nameof(Case.UnitId), indexes.Keys);
        Assert.DoesNotContain(nameof(Case.State), indexes.Keys);
        // Every document holds what this build would have written for it, in the same BSON form.
        var written = cases.ToDictionary(c => c.Number, c => _db.Database.Mapper.ToDocument(c));
        Assert.All(Documents.FindAll(), d =>
        {
            Assert.Equal(written[d["_id"].AsString][nameof(Case.OpenUnitId)], d[nameof(Case.OpenUnitId)]);
            Assert.Equal(written[d["_id"].AsString][nameof(Case.WaitingSince)], d[nameof(Case.WaitingSince)]);
        });
    }

    [Fact]
    public void Open_cases_are_found_and_counted_by_unit_after_the_move_as_by_plain_counting()
    {
        var cases = FormerFile();
        var store = Store();

        store.EnsureIndexes();

        foreach (var unit in Units)
        {
            var open = cases.Where(c => c.UnitId == unit && c.State.IsOpen()).ToList();
            Assert.Equal(open.Count, store.CountOpenCases([unit]));
            Assert.Equal(open.OrderByDescending(c => c.ReportedAt).Take(10).Select(c => c.Number), store.OpenCases([unit], 10).Select(c => c.Number));
        }

        Assert.Equal(cases.Count(c => c.State.IsOpen()), store.CountOpenCases(Units));
    }

    [Fact]
    public void A_move_interrupted_before_its_last_index_is_done_again_and_a_finished_one_is_not()
    {
        FormerFile();
        Store().EnsureIndexes();
        // Interrupted: the marking index was never made, and a case changed state meanwhile through this build.
        Documents.DropIndex(IndexedCaseFields.OpenUnitIndex);
        var changed = Store().Find(CaseNumber.Format(2026, 7))!;
        changed.State = CaseState.Archived;
        Store().Save(changed);

        Store().EnsureIndexes();

        Assert.Contains(IndexedCaseFields.OpenUnitIndex, Indexes().Keys);
        Assert.Equal(BsonValue.Null, Documents.FindById(changed.Number)[nameof(Case.OpenUnitId)]);
        Assert.Equal(Documents.Count(BsonExpression.Create("$.State != 'Archived' AND $.State != 'Dismissed'")), Store().CountOpenCases(Units));

        // Finished: a later start writes nothing (a field changed behind the store's back stays as it is).
        var marked = Documents.FindById(CaseNumber.Format(2026, 8));
        marked[nameof(Case.WaitingSince)] = new BsonValue(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Documents.Update(marked);
        Store().EnsureIndexes();
        Assert.Equal(marked[nameof(Case.WaitingSince)], Documents.FindById(marked["_id"])[nameof(Case.WaitingSince)]);
    }
}
