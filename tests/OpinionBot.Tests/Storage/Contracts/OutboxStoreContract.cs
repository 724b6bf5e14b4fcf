using System.Collections.Concurrent;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>
/// The outbox as the dispatcher uses it: claim what is due, deliver each conversation's messages in order (the claimed
/// ones, then the next head), mark the outcome. On PostgreSQL, several instances share it.
/// </summary>
public abstract class OutboxStoreContract(StoreSet stores) : StoreContract(stores)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private static int s_hour;

    /// <summary>A moment of its own for each test: the PostgreSQL database (and its leases) is shared by the class's tests.</summary>
    protected DateTimeOffset Now { get; } = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Interlocked.Increment(ref s_hour));

    protected string Conversation(string name) => $"https://smba.example/|{name}-{_run}";

    protected long Enqueue(IOutboxStore outbox, string conversation, string text = "", DateTimeOffset? at = null) =>
        Stores.Transaction.Run(() => outbox.Enqueue(Message(conversation, text, at ?? Now)));

    protected static OutboxMessage Message(string conversation, string text, DateTimeOffset at) => new()
    {
        ConversationKey = conversation, ServiceUrl = "https://smba.example", ConversationId = conversation.Split('|')[1],
        ActivityJson = $$"""{"type":"message","text":"{{text}}"}""", CreatedAt = at, NextAttemptAt = at, Kind = OutboxKind.Send,
    };

    /// <summary>One dispatcher pass: per conversation the claimed messages, then the next heads, each "sent" (recorded) and marked.</summary>
    protected static List<OutboxMessage> Deliver(IOutboxStore outbox, DateTimeOffset now, ConcurrentQueue<(string Conversation, long Id)>? sent = null)
    {
        var delivered = new List<OutboxMessage>();
        foreach (var queue in outbox.ClaimDue(now))
        {
            var index = 0;
            while ((index < queue.Count ? queue[index++] : outbox.ClaimNext(queue[0].ConversationKey, now)) is { } message)
            {
                if (message.NextAttemptAt > now)
                {
                    outbox.Release(message, message.NextAttemptAt);
                    break;
                }

                sent?.Enqueue((message.ConversationKey, message.Id));
                message.Attempts++;
                outbox.MarkSent(message, $"activity-{message.Id}", now);
                delivered.Add(message);
            }
        }

        return delivered;
    }

    private IEnumerable<OutboxMessage> Mine(IEnumerable<OutboxMessage> messages) => messages.Where(m => m.ConversationKey.EndsWith(_run, StringComparison.Ordinal));

    [Fact]
    public void Each_conversations_messages_are_delivered_once_in_the_order_they_were_queued()
    {
        var (a, b) = (Conversation("a"), Conversation("b"));
        var ids = new[] { Enqueue(Stores.Outbox, a, "a1"), Enqueue(Stores.Outbox, b, "b1"), Enqueue(Stores.Outbox, a, "a2"), Enqueue(Stores.Outbox, b, "b2"), Enqueue(Stores.Outbox, a, "a3") };
        Assert.Equal(ids.Order(), ids);

        var delivered = Mine(Deliver(Stores.Outbox, Now)).ToList();

        Assert.Equal([ids[0], ids[2], ids[4]], delivered.Where(m => m.ConversationKey == a).Select(m => m.Id));
        Assert.Equal([ids[1], ids[3]], delivered.Where(m => m.ConversationKey == b).Select(m => m.Id));
        Assert.Empty(Mine(Deliver(Stores.Outbox, Now)));
        var stored = Stores.Outbox.Find(ids[2])!;
        Assert.Equal((OutboxState.Sent, $"activity-{ids[2]}", 1), (stored.State, stored.SentActivityId, stored.Attempts));
    }

    [Fact]
    public void Every_kind_comes_back_as_it_was_queued_with_its_correlation_key()
    {
        var a = Conversation("kinds");
        var ids = Enum.GetValues<OutboxKind>().Select(kind => Stores.Transaction.Run(() =>
        {
            var message = Message(a, kind.ToString(), Now);
            message.Kind = kind;
            message.CorrelationKey = $"key-{kind}";
            return Stores.Outbox.Enqueue(message);
        })).ToList();

        Assert.Equal(Enum.GetValues<OutboxKind>(), ids.Select(id => Stores.Outbox.Find(id)!.Kind));
        Assert.Equal(Enum.GetValues<OutboxKind>().Select(kind => $"key-{kind}"), ids.Select(id => Stores.Outbox.Find(id)!.CorrelationKey));
    }

    [Fact]
    public void Many_queued_at_once_keep_their_order()
    {
        var a = Conversation("bulk");
        var ids = Stores.Transaction.Run(() => Stores.Outbox.EnqueueMany(Enumerable.Range(1, 5).Select(i => Message(a, $"m{i}", Now)).ToList()));

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], Mine(Deliver(Stores.Outbox, Now)).Select(m => m.ActivityJson[^4..^2]));
    }

    [Fact]
    public void A_conversation_given_back_until_later_is_not_claimed_before_then_while_others_are()
    {
        var (held, free) = (Conversation("held"), Conversation("free"));
        var first = Enqueue(Stores.Outbox, held, "h1");
        Enqueue(Stores.Outbox, held, "h2");
        foreach (var message in Stores.Outbox.ClaimDue(Now).Single(q => q[0].ConversationKey == held))
            Stores.Outbox.Release(message, Now.AddSeconds(2)); // paced: the next send is allowed in two seconds
        Enqueue(Stores.Outbox, free, "f1");

        var meanwhile = Stores.Outbox.ClaimDue(Now.AddSeconds(1)).Select(q => q[0].ConversationKey).ToList();
        var later = Stores.Outbox.ClaimDue(Now.AddSeconds(2)).Where(q => q[0].ConversationKey == held).ToList();

        Assert.Contains(free, meanwhile);
        Assert.DoesNotContain(held, meanwhile);
        Assert.Equal(first, Assert.Single(later)[0].Id);
    }

    [Fact]
    public void A_head_waiting_for_its_retry_holds_back_its_conversation_and_a_dead_one_lets_it_go_on()
    {
        var a = Conversation("retry");
        var first = Enqueue(Stores.Outbox, a, "first");
        var second = Enqueue(Stores.Outbox, a, "second");
        var head = Stores.Outbox.ClaimDue(Now).Single(q => q[0].ConversationKey == a)[0];
        Assert.Equal(first, head.Id);
        head.Attempts++;
        Stores.Outbox.Retry(head, "HTTP 503", Now.AddSeconds(10));

        Assert.Empty(Mine(Deliver(Stores.Outbox, Now.AddSeconds(5))));
        Assert.Equal("HTTP 503", Stores.Outbox.Find(first)!.LastError);

        var again = Stores.Outbox.ClaimDue(Now.AddSeconds(10)).Single(q => q[0].ConversationKey == a)[0];
        Assert.Equal((first, 1), (again.Id, again.Attempts));
        Stores.Outbox.MarkDead(again, "HTTP 403");
        Assert.Equal([second], Mine(Deliver(Stores.Outbox, Now.AddSeconds(10))).Select(m => m.Id));
        Assert.Equal(OutboxState.Dead, Stores.Outbox.Find(first)!.State);
    }

    [Fact]
    public void Sent_messages_are_purged_after_a_while_and_dead_ones_kept()
    {
        var a = Conversation("purge");
        var sent = Enqueue(Stores.Outbox, a, "sent");
        Deliver(Stores.Outbox, Now);
        var dead = Enqueue(Stores.Outbox, a, "dead");
        Stores.Outbox.MarkDead(Stores.Outbox.Find(dead)!, "gone");

        Stores.Outbox.PurgeSent(Now.AddSeconds(1));

        Assert.Null(Stores.Outbox.Find(sent));
        Assert.Equal(OutboxState.Dead, Stores.Outbox.Find(dead)!.State);
        Assert.Contains(Stores.Outbox.All(), m => m.Id == dead);
        Assert.True(Stores.Outbox.Count(OutboxState.Dead) >= 1);
    }
}

public sealed class OutboxStoreOnLiteDb() : OutboxStoreContract(StoreSet.LiteDb());

/// <summary>The same, plus what only several instances can show: claims, leases, order across instances.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxStoreOnPostgreSql(PostgresFixture postgres)
    : OutboxStoreContract(StoreSet.PostgreSql(postgres.DatabaseFor(typeof(OutboxStoreOnPostgreSql)).GetAwaiter().GetResult()))
{
    private StoreSet? _other;

    private StoreSet Other => _other ??= Stores.AnotherInstance()!;

    public override void Dispose()
    {
        _other?.Dispose();
        base.Dispose();
    }

    [Fact]
    public void A_head_claimed_by_one_instance_is_not_claimed_by_another_until_its_lease_runs_out()
    {
        var a = Conversation("lease");
        var first = Enqueue(Stores.Outbox, a, "first");
        Enqueue(Stores.Outbox, a, "second");

        var claimed = Stores.Outbox.ClaimDue(Now).Single(q => q[0].ConversationKey == a);
        Assert.Equal([first], claimed.Select(m => m.Id));
        Assert.DoesNotContain(Other.Outbox.ClaimDue(Now), q => q[0].ConversationKey == a);
        Assert.Null(Other.Outbox.ClaimNext(a, Now));

        // The first instance stops here (it died). The other looks again within its poll, or when the lease runs out, and then takes over.
        var (lease, poll) = (StoreSet.Storage.PostgreSql.OutboxLease, StoreSet.Storage.PostgreSql.OutboxPoll);
        Assert.Equal(Now + poll, Other.Outbox.NextClaimableAt(Now));
        Assert.Equal(Now + lease, Other.Outbox.NextClaimableAt(Now + lease - TimeSpan.FromSeconds(2)));
        Assert.DoesNotContain(Other.Outbox.ClaimDue(Now + lease - TimeSpan.FromSeconds(1)), q => q[0].ConversationKey == a);
        var delivered = Deliver(Other.Outbox, Now + lease).Where(m => m.ConversationKey == a).Select(m => m.ActivityJson).ToList();
        Assert.Equal(2, delivered.Count);
        Assert.Contains("first", delivered[0]);
    }

    [Fact]
    public void A_released_head_can_be_claimed_by_another_instance_at_once()
    {
        var a = Conversation("release");
        Enqueue(Stores.Outbox, a);
        var head = Stores.Outbox.ClaimDue(Now).Single(q => q[0].ConversationKey == a)[0];

        Stores.Outbox.Release(head, Now);

        Assert.Equal(head.Id, Other.Outbox.ClaimDue(Now).Single(q => q[0].ConversationKey == a)[0].Id);
    }

    [Fact]
    public async Task Two_instances_delivering_together_send_each_message_once_and_each_conversation_in_order()
    {
        var conversations = Enumerable.Range(0, 6).Select(i => Conversation($"shared{i}")).ToList();
        var queued = new List<(string Conversation, long Id)>();
        for (var round = 0; round < 15; round++)
            foreach (var c in conversations)
                queued.Add((c, Enqueue(Stores.Outbox, c)));

        var sent = new ConcurrentQueue<(string Conversation, long Id)>();
        var instances = new[] { Stores, Other, Stores.AnotherInstance()! };
        try
        {
            await Task.WhenAll(instances.Select(instance => Task.Run(() =>
            {
                // Each instance keeps passing until nothing of the test's is left pending.
                while (instance.Outbox.PendingByConversation().Any(q => conversations.Contains(q[0].ConversationKey)))
                    Deliver(instance.Outbox, Now, sent);
            })));
        }
        finally
        {
            instances[2].Dispose();
        }

        var mine = sent.Where(s => conversations.Contains(s.Conversation)).ToList();
        Assert.Equal(queued.Count, mine.Count);
        Assert.Equal(queued.Select(q => q.Id).Order(), mine.Select(s => s.Id).Order());
        foreach (var c in conversations)
            Assert.Equal(queued.Where(q => q.Conversation == c).Select(q => q.Id), mine.Where(s => s.Conversation == c).Select(s => s.Id));
    }
}
