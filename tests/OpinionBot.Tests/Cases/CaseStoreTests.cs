using OpinionBot.Cases;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

public sealed class CaseStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly CaseStore _store;

    public CaseStoreTests()
    {
        _store = new CaseStore(_db.Database, new StoreTransaction(_db.Database), []);
        _store.EnsureIndexes();
    }

    public void Dispose() => _db.Dispose();

    private static Case Draft(int year = 2026, string? submission = null) => new()
    {
        Year = year, SubmissionId = submission ?? Guid.NewGuid().ToString("N"), Title = "t", UnitId = "u1",
        ReportedAt = new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero), ReportedOn = new DateOnly(year, 6, 1),
    };

    private static CaseEvent Reported() => new() { Kind = CaseEventKind.Reported, ActorKey = "a", ActorName = "A" };

    [Fact]
    public void Concurrent_creates_get_consecutive_numbers_without_gaps_or_duplicates()
    {
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => numbers.Add(_store.Create(Draft(), Reported()).Case.Number));

        Assert.Equal(Enumerable.Range(1, 200).Select(i => $"2026-{i:D4}"), numbers.Order());
    }

    [Fact]
    public void Each_year_counts_from_one()
    {
        Assert.Equal("2026-0001", _store.Create(Draft(2026), Reported()).Case.Number);
        Assert.Equal("2026-0002", _store.Create(Draft(2026), Reported()).Case.Number);
        Assert.Equal("2027-0001", _store.Create(Draft(2027), Reported()).Case.Number);
    }

    [Fact]
    public void The_same_submission_twice_returns_the_first_case_and_stores_nothing_more()
    {
        var first = _store.Create(Draft(submission: "s-1"), Reported());
        var second = _store.Create(Draft(submission: "s-1"), Reported());

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Case.Number, second.Case.Number);
        Assert.Single(_store.Timeline(first.Case.Number));
        Assert.Equal("2026-0002", _store.Create(Draft(), Reported()).Case.Number);
    }

    [Fact]
    public void The_timeline_only_grows_and_an_event_with_a_known_dedup_key_is_not_added_twice()
    {
        var number = _store.Create(Draft(), Reported()).Case.Number;
        var note = new CaseEvent { CaseNumber = number, Kind = CaseEventKind.ProgressNote, Comment = "删帖", DedupKey = "note:activity-7" };

        Assert.True(_store.Append(note));
        Assert.False(_store.Append(new CaseEvent { CaseNumber = number, Kind = CaseEventKind.ProgressNote, Comment = "again", DedupKey = "note:activity-7" }));
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.ProgressNote], _store.Timeline(number).Select(e => e.Kind));
        Assert.DoesNotContain(typeof(CaseStore).GetMethods(), m => m.Name.Contains("Delete") || m.Name.Contains("UpdateEvent"));
    }

    [Fact]
    public void A_failing_write_rolls_back_the_counter_and_the_case()
    {
        var transaction = new StoreTransaction(_db.Database);

        Assert.Throws<InvalidOperationException>(() => transaction.Run<int>(() =>
        {
            _store.AppendInTransaction(new CaseEvent { CaseNumber = "2026-0001", DedupKey = "x" });
            throw new InvalidOperationException("crash before commit");
        }));

        Assert.Empty(_store.Timeline("2026-0001"));
        Assert.Equal("2026-0001", _store.Create(Draft(), Reported()).Case.Number);
    }
}
