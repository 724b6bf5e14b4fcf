using OpinionBot.Cases;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

public sealed class CaseStoreTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly StoreTransaction _transaction;
    private readonly CaseStore _store;

    public CaseStoreTests()
    {
        _transaction = new StoreTransaction(_db.Database);
        _store = new CaseStore(_db.Database, _transaction);
        _store.EnsureIndexes();
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void The_timeline_only_grows_and_an_event_with_a_known_dedup_key_is_not_added_twice()
    {
        var at = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var note = new CaseEvent { CaseNumber = "2026-0001", At = at.AddMinutes(1), Kind = CaseEventKind.ProgressNote, Comment = "删帖", DedupKey = "note:activity-7" };

        Assert.True(_store.Append(new CaseEvent { CaseNumber = "2026-0001", At = at, Kind = CaseEventKind.Reported, DedupKey = "r" }));
        Assert.True(_store.Append(note));
        Assert.False(_store.Append(new CaseEvent { CaseNumber = "2026-0001", Kind = CaseEventKind.ProgressNote, Comment = "again", DedupKey = "note:activity-7" }));
        Assert.Equal([CaseEventKind.Reported, CaseEventKind.ProgressNote], _store.Timeline("2026-0001").Select(e => e.Kind));
        Assert.DoesNotContain(typeof(CaseStore).GetMethods(), m => m.Name.Contains("Delete") || m.Name.Contains("UpdateEvent"));
    }

    [Fact]
    public void A_failing_transaction_rolls_back_the_counter_and_the_events_and_a_nested_one_joins_it()
    {
        Assert.Throws<InvalidOperationException>(() => _transaction.Run<int>(() =>
        {
            Assert.Equal(1, _store.NextSequence(2026));
            _store.Append(new CaseEvent { CaseNumber = "2026-0001", DedupKey = "x" });
            throw new InvalidOperationException("crash before commit");
        }));

        Assert.Empty(_store.Timeline("2026-0001"));
        Assert.Equal(1, _transaction.Run(() => _store.NextSequence(2026)));
        Assert.Equal(1, _transaction.Run(() => _store.NextSequence(2027)));
    }

    [Fact]
    public void The_writers_remembered_number_follows_rollbacks_and_a_counter_moved_elsewhere_costs_one_more_run()
    {
        int Report() => _transaction.Run(() =>
        {
            var n = _store.NextSequence(2026);
            _store.Insert(new Case { Number = CaseNumber.Format(2026, n), Year = 2026, Sequence = n, SubmissionId = $"writer-{n}" });
            return n;
        });

        Assert.Equal(1, Report());
        Assert.Throws<InvalidOperationException>(() => _transaction.Run<int>(() =>
        {
            _store.NextSequence(2026);
            throw new InvalidOperationException("crash before commit");
        }));
        Assert.Equal(2, Report());

        // Another store on the same file numbers a case behind the writer's back: the number the writer remembers is taken.
        var other = new CaseStore(_db.Database, _transaction);
        var n = other.NextSequence(2026);
        other.Insert(new Case { Number = CaseNumber.Format(2026, n), Year = 2026, Sequence = n, SubmissionId = "elsewhere" });

        Assert.Equal(4, Report());
        Assert.Equal(5, Report());
    }

    [Fact]
    public void Work_after_the_commit_runs_only_when_the_transaction_commits()
    {
        var ran = new List<string>();

        _transaction.Run(() => _transaction.AfterCommit(() => ran.Add("committed")));
        Assert.Throws<InvalidOperationException>(() => _transaction.Run(() =>
        {
            _transaction.AfterCommit(() => ran.Add("rolled back"));
            throw new InvalidOperationException();
        }));
        _transaction.AfterCommit(() => ran.Add("outside"));

        Assert.Equal(["committed", "outside"], ran);
    }
}
