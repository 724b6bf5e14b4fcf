using LiteDB;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage;

public sealed class StoreTransactionTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly TestDatabase _db = new();
    private readonly StoreTransaction _transaction;

    public StoreTransactionTests() => _transaction = new StoreTransaction(_db.Database);

    public void Dispose()
    {
        _transaction.Dispose();
        _db.Dispose();
    }

    private ILiteCollection<BsonDocument> Counters => _db.Database.GetCollection("counters");

    private int Increment()
    {
        var counter = Counters.FindById("c") ?? new BsonDocument { ["_id"] = "c", ["value"] = 0 };
        counter["value"] = counter["value"].AsInt32 + 1;
        Counters.Upsert(counter);
        return counter["value"].AsInt32;
    }

    private int Value => Counters.FindById("c")?["value"].AsInt32 ?? 0;

    /// <summary>A caller on a thread of its own (blocking callers would otherwise wait for the thread pool to grow).</summary>
    private static Task<T> OnOwnThread<T>(Func<T> call)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try { done.SetResult(call()); }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true }.Start();
        return done.Task;
    }

    /// <summary>
    /// Holds the writer inside a first work item until <paramref name="others"/> callers are queued behind it, so they
    /// all land in the next batch; returns once the writer is held, with the first caller's task.
    /// </summary>
    private Task<int> HoldWriterUntilQueued(int others)
    {
        var entered = new ManualResetEventSlim();
        var first = OnOwnThread(() => _transaction.Run(() =>
        {
            entered.Set();
            Assert.True(SpinWait.SpinUntil(() => _transaction.Queued >= others, Bound), $"only {_transaction.Queued} of {others} callers queued");
            return Increment();
        }));
        Assert.True(entered.Wait(Bound));
        return first;
    }

    [Fact]
    public async Task Concurrent_callers_each_increment_once_and_share_commits()
    {
        const int callers = 64;
        Assert.Equal(1, _transaction.Run(Increment));
        var before = _transaction.Commits;

        var first = HoldWriterUntilQueued(callers - 1);
        var rest = Enumerable.Range(0, callers - 1).Select(_ => OnOwnThread(() => _transaction.Run(Increment))).ToArray();
        var results = await Task.WhenAll(rest.Prepend(first)).WaitAsync(Bound);

        Assert.Equal(1 + callers, Value);
        Assert.Equal(Enumerable.Range(2, callers), results.Order());
        Assert.Equal(2, _transaction.Commits - before); // the held item's batch, then all the others in one
    }

    [Fact]
    public void Many_threads_hammering_get_exactly_their_increments_with_fewer_commits_than_calls()
    {
        const int callers = 400;
        Parallel.For(0, callers, new ParallelOptions { MaxDegreeOfParallelism = 32 }, _ => _transaction.Run(Increment));

        Assert.Equal(callers, Value);
        Assert.InRange(_transaction.Commits, 1, callers);
    }

    [Fact]
    public async Task A_failing_item_fails_only_its_caller_and_leaves_no_trace()
    {
        var first = HoldWriterUntilQueued(5);
        var good = Enumerable.Range(0, 4).Select(_ => OnOwnThread(() => _transaction.Run(Increment))).ToList();
        var bad = OnOwnThread(() => _transaction.Run<int>(() =>
        {
            Increment();
            Counters.Insert(new BsonDocument { ["_id"] = "written-by-the-failing-item" });
            throw new InvalidOperationException("refused");
        }));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Bound));
        Assert.Equal("refused", error.Message);
        await Task.WhenAll(good.Append(first)).WaitAsync(Bound);
        Assert.Equal(5, Value);
        Assert.Null(Counters.FindById("written-by-the-failing-item"));
    }

    [Fact]
    public void Work_refused_by_a_unique_key_runs_once_more_and_then_sees_what_it_collided_with_or_fails()
    {
        Counters.Insert(new BsonDocument { ["_id"] = "taken" });
        var runs = 0;

        var error = Assert.Throws<LiteException>(() => _transaction.Run(() =>
        {
            runs++;
            Counters.Insert(new BsonDocument { ["_id"] = "taken" });
        }));
        Assert.Equal((LiteException.INDEX_DUPLICATE_KEY, 2), (error.ErrorCode, runs));

        runs = 0;
        var outcome = _transaction.Run(() => ++runs == 1 ? Counters.Insert(new BsonDocument { ["_id"] = "taken" }).AsString : "seen on the second run");
        Assert.Equal(("seen on the second run", 2), (outcome, runs));
        Assert.Equal(1, Counters.Count());
    }

    [Fact]
    public void A_run_inside_a_run_joins_the_enclosing_transaction()
    {
        var result = _transaction.Run(() =>
        {
            var inner = _transaction.Run(Increment);
            Counters.Insert(new BsonDocument { ["_id"] = "outer" });
            return inner;
        });

        Assert.Equal(1, result);
        Assert.Equal(1, Value);
        Assert.NotNull(Counters.FindById("outer"));
        Assert.Equal(1, _transaction.Commits);
    }

    [Fact]
    public void A_failing_inner_run_rolls_back_the_enclosing_work()
    {
        Assert.Throws<InvalidOperationException>(() => _transaction.Run(() =>
        {
            Increment();
            return _transaction.Run<int>(() => throw new InvalidOperationException("inner"));
        }));

        Assert.Equal(0, Value);
        Assert.Equal(1, _transaction.Run(Increment)); // and the writer still works
    }

    [Fact]
    public async Task RunAsync_completes_after_the_commit_with_the_result()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => _transaction.RunAsync(Increment)));

        Assert.Equal(Enumerable.Range(1, 20), results.Order());
        Assert.Equal(20, Value);
        await Assert.ThrowsAsync<FormatException>(() => _transaction.RunAsync<int>(() => throw new FormatException()));
    }

    [Fact]
    public void With_the_log_file_each_commit_is_flushed_to_disk()
    {
        var log = LiteDbRegistration.LogFileOf(_db.FilePath);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(_db.FilePath)!, "unit-log.db"), log);
        using var durable = new StoreTransaction(_db.Database, log);

        Parallel.For(0, 50, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ => durable.Run(Increment));

        Assert.Equal(50, Value);
        Assert.True(File.Exists(log), "LiteDB keeps its write-ahead log beside the file");
        Assert.Equal(log, durable.LogFile);
    }

    [Fact]
    public async Task A_closed_database_fails_the_callers_instead_of_leaving_them_waiting()
    {
        using var other = new TestDatabase();
        using var transaction = new StoreTransaction(other.Database);
        other.Database.Dispose();

        var call = OnOwnThread(() => transaction.Run(() => other.Database.GetCollection("x").Count()));

        var error = await Record.ExceptionAsync(() => call.WaitAsync(Bound));
        Assert.NotNull(error);
        Assert.IsNotType<TimeoutException>(error);
    }

    [Fact]
    public void After_dispose_new_work_is_refused()
    {
        _transaction.Run(Increment);
        _transaction.Dispose();

        Assert.Throws<ObjectDisposedException>(() => _transaction.Run(Increment));
    }
}
