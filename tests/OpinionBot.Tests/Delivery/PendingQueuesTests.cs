using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Delivery;

/// <summary>
/// The LiteDB outbox hands out what is pending from in-memory queues: they must follow committed writes only, survive
/// a restart (read back from the file), and let go of what was sent, dead-lettered or discarded.
/// </summary>
public sealed class PendingQueuesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = new();
    private readonly StoreTransaction _transaction;
    private readonly OutboxStore _store;

    public PendingQueuesTests()
    {
        _transaction = new StoreTransaction(_db.Database);
        _store = new OutboxStore(_db.Database);
        _store.EnsureIndexes();
    }

    public void Dispose()
    {
        _transaction.Dispose();
        _db.Dispose();
    }

    private static OutboxMessage Message(string conversation, string text) => new()
    {
        ConversationKey = conversation, ConversationId = conversation, ServiceUrl = "https://smba.example/", ActivityJson = $"{{\"text\":\"{text}\"}}",
    };

    private List<(string Conversation, List<string> Texts)> Claimed() =>
        _store.ClaimDue(Now).Select(q => (q[0].ConversationKey, q.Select(m => m.ActivityJson).ToList())).ToList();

    [Fact]
    public void A_message_of_rolled_back_work_is_never_handed_out_and_one_committed_is()
    {
        Assert.Throws<InvalidOperationException>(() => _transaction.Run(() =>
        {
            _store.Enqueue(Message("a", "lost"));
            throw new InvalidOperationException("refused");
        }));
        _transaction.Run(() => _store.Enqueue(Message("a", "kept")));

        var claimed = Assert.Single(Claimed());
        Assert.Equal(["{\"text\":\"kept\"}"], claimed.Texts);
    }

    [Fact]
    public void A_message_is_not_handed_out_to_another_thread_before_its_work_commits()
    {
        List<(string, List<string>)>? seenInside = null;
        _transaction.Run(() =>
        {
            _store.Enqueue(Message("a", "one"));
            seenInside = Task.Run(Claimed).GetAwaiter().GetResult();
        });

        Assert.Empty(seenInside!);
        Assert.Single(Claimed());
    }

    [Fact]
    public void Per_conversation_in_order_at_most_a_batch_each_conversations_by_their_oldest()
    {
        for (var i = 0; i < IOutboxStore.ClaimBatch + 3; i++)
            _store.Enqueue(Message("b", $"b{i}"));
        _store.Enqueue(Message("a", "a0"));

        var claimed = Claimed();
        Assert.Equal(["b", "a"], claimed.Select(c => c.Conversation));
        Assert.Equal(Enumerable.Range(0, IOutboxStore.ClaimBatch).Select(i => $"{{\"text\":\"b{i}\"}}"), claimed[0].Texts);
    }

    [Fact]
    public void Sent_and_dead_messages_leave_the_queue_and_a_revived_one_comes_back()
    {
        _store.Enqueue(Message("a", "sent"));
        var deadId = _store.Enqueue(Message("b", "dead"));
        foreach (var queue in _store.ClaimDue(Now))
        {
            var message = queue[0];
            if (message.Id == deadId)
                _transaction.Run(() => _store.MarkDead(message, "403"));
            else
                _transaction.Run(() => _store.MarkSent(message, "activity-1", Now));
        }

        Assert.Empty(Claimed());
        Assert.True(_store.Revive(deadId, Now));
        Assert.Equal(["b"], Claimed().Select(c => c.Conversation));
    }

    [Fact]
    public void A_conversation_held_back_for_a_retry_is_handed_out_at_once_when_an_older_message_is_revived()
    {
        var deadId = _store.Enqueue(Message("a", "dead"));
        _transaction.Run(() => _store.MarkDead(Assert.Single(_store.ClaimDue(Now))[0], "403"));
        _store.Enqueue(Message("a", "waiting"));
        var waiting = Assert.Single(_store.ClaimDue(Now))[0];
        _store.Release(waiting, Now.AddMinutes(5)); // its retry is due in five minutes
        Assert.Empty(Claimed());

        Assert.True(_store.Revive(deadId, Now));

        Assert.Equal(["{\"text\":\"dead\"}", "{\"text\":\"waiting\"}"], Assert.Single(Claimed()).Texts);
    }

    [Fact]
    public async Task After_a_restart_what_was_pending_is_read_back_from_the_file()
    {
        await using var outbox = await OutboxHarness.StartAsync();
        outbox.Send("a", "before the restart");
        outbox.Reopen();

        var claimed = Assert.Single(outbox.Store.ClaimDue(outbox.Clock.GetUtcNow()));
        Assert.Contains("before the restart", claimed[0].ActivityJson, StringComparison.Ordinal);
    }
}
