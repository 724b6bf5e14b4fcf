using Npgsql;
using OpinionBot.Storage.PostgreSql;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage;

/// <summary>
/// Group commit on PostgreSQL (<see cref="PostgresStoreTransaction"/>): work queued while the writer is busy runs in
/// one transaction, a savepoint per item. Each test holds the writer in a first item until the others are queued, so
/// the batch they form is known.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresGroupCommitTests(PostgresFixture postgres) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly ManualResetEventSlim _holding = new();
    private readonly ManualResetEventSlim _release = new();
    private PostgresDatabase _database = null!;
    private PostgresStoreTransaction _transaction = null!;

    public async Task InitializeAsync()
    {
        _database = new PostgresDatabase(await postgres.CreateDatabaseAsync(migrate: false));
        _database.Execute("CREATE TABLE items (key text PRIMARY KEY, value int NOT NULL)");
        _database.Execute("""
            CREATE TABLE deferred (key text NOT NULL, CONSTRAINT deferred_key UNIQUE (key) DEFERRABLE INITIALLY DEFERRED)
            """);
        _transaction = new PostgresStoreTransaction(_database);
    }

    public Task DisposeAsync()
    {
        _release.Set();
        _transaction.Dispose();
        _database.Dispose();
        _holding.Dispose();
        _release.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Occupies the writer until <see cref="_release"/> is set; returns once it is running.</summary>
    private Task HoldWriter()
    {
        var held = _transaction.RunAsync(() =>
        {
            _holding.Set();
            return _release.Wait(Patience);
        });
        Assert.True(_holding.Wait(Patience));
        return held;
    }

    private void Insert(string key, int value) => _database.Execute("INSERT INTO items (key, value) VALUES ($1, $2)", key, value);

    private List<string> Keys() => _database.Query("SELECT key FROM items ORDER BY key", r => r.GetString(0));

    [Fact]
    public async Task Concurrent_work_commits_in_one_transaction_and_every_caller_gets_its_result()
    {
        var held = HoldWriter();
        var work = Enumerable.Range(1, 40).Select(i => _transaction.RunAsync(() =>
        {
            Insert($"k{i:D2}", i);
            return i * 10;
        })).ToList();
        _release.Set();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => i * 10), await Task.WhenAll(work));
        await held;
        Assert.Equal(2, _transaction.Commits); // the holding item's, then one for the 40
        Assert.Equal(40, Keys().Count);
    }

    [Fact]
    public async Task A_batch_holds_at_most_MaxBatch_items()
    {
        var held = HoldWriter();
        var work = Enumerable.Range(1, PostgresStoreTransaction.MaxBatch + 1).Select(i => _transaction.RunAsync(() => i)).ToList();
        _release.Set();

        await Task.WhenAll(work);
        await held;
        Assert.Equal(3, _transaction.Commits);
    }

    [Fact]
    public async Task A_throwing_item_fails_only_its_caller_its_writes_and_after_commit_actions_gone_the_others_kept()
    {
        var ran = new System.Collections.Concurrent.ConcurrentBag<string>();
        var held = HoldWriter();
        var a = _transaction.RunAsync(() =>
        {
            Insert("a", 1);
            _transaction.AfterCommit(() => ran.Add("a"));
            return "a";
        });
        var b = _transaction.RunAsync<string>(() =>
        {
            Insert("b", 2);
            _transaction.AfterCommit(() => ran.Add("b"));
            throw new InvalidOperationException("refused");
        });
        var c = _transaction.RunAsync(() =>
        {
            Insert("c", 3);
            _transaction.AfterCommit(() => ran.Add("c"));
            return "c";
        });
        _release.Set();

        Assert.Equal("a", await a);
        Assert.Equal("refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => b)).Message);
        Assert.Equal("c", await c);
        await held;
        Assert.Equal(["a", "c"], Keys());
        Assert.Equal(["a", "c"], ran.Order());
        Assert.Equal(2, _transaction.Commits);
    }

    [Fact]
    public async Task An_item_hitting_a_key_another_transaction_took_runs_again_sees_it_and_only_its_last_attempts_after_commit_actions_run()
    {
        var ran = new System.Collections.Concurrent.ConcurrentBag<string>();
        var attempts = 0;
        await using var other = await _database.DataSource.OpenConnectionAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO items (key, value) VALUES ('k', 1)", other, otherTransaction))
            await insert.ExecuteNonQueryAsync();

        var held = HoldWriter();
        var kept = _transaction.RunAsync(() =>
        {
            Insert("kept", 7);
            return true;
        });
        var racer = _transaction.RunAsync(() =>
        {
            var attempt = Interlocked.Increment(ref attempts);
            _transaction.AfterCommit(() => ran.Add($"attempt {attempt}"));
            if (_database.Scalar<int>("SELECT value FROM items WHERE key = 'k'") is var found and > 0)
                return found;
            Insert("k", 2);
            return 2;
        });
        _release.Set();

        // The racer's insert waits on the other transaction's uncommitted key, which then commits.
        Assert.True(SpinWait.SpinUntil(() => _database.Scalar<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0, Patience));
        await otherTransaction.CommitAsync();

        Assert.Equal(1, await racer);
        Assert.True(await kept);
        await held;
        Assert.Equal(2, attempts);
        Assert.Equal(1, _transaction.Retries);
        Assert.Equal(["attempt 2"], ran);
        Assert.Equal(["k", "kept"], Keys());
    }

    [Fact]
    public async Task When_the_commit_fails_the_items_run_again_one_by_one_and_only_the_failing_caller_sees_it()
    {
        var held = HoldWriter();
        // Deferred: the duplicate is found at COMMIT, which fails the whole batch.
        var first = _transaction.RunAsync(() => _database.Execute("INSERT INTO deferred (key) VALUES ('x')"));
        var duplicate = _transaction.RunAsync(() => _database.Execute("INSERT INTO deferred (key) VALUES ('x')"));
        var other = _transaction.RunAsync(() => _database.Execute("INSERT INTO deferred (key) VALUES ('y')"));
        _release.Set();

        Assert.Equal(1, await first);
        var failure = await Assert.ThrowsAsync<PostgresException>(() => duplicate);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, failure.SqlState);
        Assert.Equal(1, await other);
        await held;
        Assert.Equal(["x", "y"], _database.Query("SELECT key FROM deferred ORDER BY key", r => r.GetString(0)));
    }

    [Fact]
    public async Task Work_inside_running_work_joins_its_transaction()
    {
        var result = await _transaction.RunAsync(() =>
        {
            Insert("outer", 1);
            return _transaction.Run(() => _database.Scalar<int>("SELECT value FROM items WHERE key = 'outer'"));
        });

        Assert.Equal(1, result);
        Assert.Equal(1, _transaction.Commits);
    }

    [Fact]
    public async Task Disposing_lets_queued_work_finish_and_then_refuses_more()
    {
        var held = HoldWriter();
        var queued = Enumerable.Range(1, 5).Select(i => _transaction.RunAsync(() =>
        {
            Insert($"q{i}", i);
            return i;
        })).ToList();
        var disposing = Task.Run(_transaction.Dispose);
        // Work queued before the disposal began is drained too; once it has begun, new work is refused.
        Assert.True(SpinWait.SpinUntil(() =>
        {
            try
            {
                _ = _transaction.RunAsync(() => 0);
                return false;
            }
            catch (ObjectDisposedException)
            {
                return true;
            }
        }, Patience));
        _release.Set();

        await disposing;
        var results = await Task.WhenAll(queued);
        Assert.Equal([1, 2, 3, 4, 5], results);
        await held;
        Assert.Equal(5, Keys().Count);
    }
}
