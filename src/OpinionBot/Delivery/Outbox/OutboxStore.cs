using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// The outbox collection. <see cref="Enqueue"/> is a plain insert on the shared database, so it joins a
/// <see cref="StoreTransaction"/> when called inside one (then notify the <see cref="OutboxSignal"/> after the commit).
/// </summary>
public sealed class OutboxStore(ILiteDatabase database) : IOutboxStore, ICollectionIndexes
{
    public const string CollectionName = "outbox";

    private static readonly BsonExpression IsPending = BsonExpression.Create("$.State = @0", new BsonValue(nameof(OutboxState.Pending)));
    private static readonly BsonExpression HeadFields = BsonExpression.Create("{ _id: $._id, k: $.ConversationKey }");

    private readonly PendingQueues _pending = PendingQueues.Of(database, () => PendingHeads(database));

    private ILiteCollection<OutboxMessage> Messages => database.GetCollection<OutboxMessage>(CollectionName, BsonAutoId.Int64);

    private static IEnumerable<(long Id, string ConversationKey)> PendingHeads(ILiteDatabase database) =>
        database.GetCollection(CollectionName, BsonAutoId.Int64).Query().Where(IsPending).Select(HeadFields).ToDocuments()
            .Select(d => (d["_id"].AsInt64, d["k"].AsString)).ToList();

    public void EnsureIndexes()
    {
        Messages.EnsureIndex(m => m.State);
        // Each conversation's pending messages are kept in memory (PendingQueues): nothing reads by conversation, so a
        // message no longer writes a key for it.
        Messages.DropIndex(nameof(OutboxMessage.ConversationKey));
    }

    public long Enqueue(OutboxMessage message)
    {
        message.Id = 0;
        message.State = OutboxState.Pending;
        message.Id = database.GetCollection(CollectionName, BsonAutoId.Int64).Insert(OutboxMessageDocument.Of(message)).AsInt64;
        Queued(message);
        return message.Id;
    }

    /// <summary>Many messages in one LiteDB transaction (a scan that sends a slip to everyone); ids follow the given order.</summary>
    public IReadOnlyList<long> EnqueueMany(IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            message.Id = 0;
            message.State = OutboxState.Pending;
        }

        Messages.InsertBulk(messages);
        foreach (var message in messages)
            Queued(message);
        return messages.Select(m => m.Id).ToList();
    }

    public OutboxMessage? Find(long id) => Messages.Get(id);

    /// <summary>Every pending message, oldest first, grouped by conversation (groups ordered by their head).</summary>
    public IReadOnlyList<IReadOnlyList<OutboxMessage>> PendingByConversation()
    {
        var pending = Messages.Find(m => m.State == OutboxState.Pending).OrderBy(m => m.Id);
        return pending.GroupBy(m => m.ConversationKey).Select(g => (IReadOnlyList<OutboxMessage>)g.ToList()).ToList();
    }

    /// <summary>
    /// What to deliver now: per conversation its oldest <see cref="IOutboxStore.ClaimBatch"/> pending messages, from the
    /// in-memory <see cref="PendingQueues"/>; only those messages are read. A conversation given back until a later time
    /// (<see cref="Release"/>) is left out until then.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<OutboxMessage>> ClaimDue(DateTimeOffset now) =>
        _pending.Heads(IOutboxStore.ClaimBatch, now)
            .Select(q => (IReadOnlyList<OutboxMessage>)q.Ids.Select(id => Pending(id, q.ConversationKey)).OfType<OutboxMessage>().ToList())
            .Where(queue => queue.Count > 0)
            .ToList();

    /// <summary>One instance holds no claims; what it gives back it does not claim again before <paramref name="until"/>.</summary>
    public void Release(OutboxMessage message, DateTimeOffset until) => _pending.Hold(message.ConversationKey, until);

    /// <summary>When a conversation given back until later (<see cref="Release"/>) may be claimed again: a pass that skipped it must come back then.</summary>
    public DateTimeOffset? NextClaimableAt(DateTimeOffset now) => _pending.HeldUntil(now);

    /// <summary>The message if it is still pending; otherwise it leaves the queues.</summary>
    private OutboxMessage? Pending(long id, string conversationKey)
    {
        var message = Messages.Get(id);
        if (message is { State: OutboxState.Pending })
            return message;
        _pending.Remove(id, conversationKey);
        return null;
    }

    private void Queued(OutboxMessage message)
    {
        var (id, conversationKey) = (message.Id, message.ConversationKey);
        StoreTransaction.AfterCommitOfCurrentWork(() => _pending.Add(id, conversationKey));
    }

    private void Left(OutboxMessage message)
    {
        var (id, conversationKey) = (message.Id, message.ConversationKey);
        StoreTransaction.AfterCommitOfCurrentWork(() => _pending.Remove(id, conversationKey));
    }

    public int Count(OutboxState state) => Messages.Count(m => m.State == state);

    public IReadOnlyList<OutboxMessage> All() => Messages.FindAll().OrderBy(m => m.Id).ToList();

    public void MarkSent(OutboxMessage message, string? activityId, DateTimeOffset at)
    {
        message.State = OutboxState.Sent;
        message.SentActivityId = activityId;
        message.SentAt = at;
        message.LastError = null;
        Messages.Update(message);
        Left(message);
    }

    public void Retry(OutboxMessage message, string error, DateTimeOffset nextAttemptAt)
    {
        message.LastError = error;
        message.NextAttemptAt = nextAttemptAt;
        Messages.Update(message);
    }

    public void MarkDead(OutboxMessage message, string error)
    {
        message.State = OutboxState.Dead;
        message.LastError = error;
        Messages.Update(message);
        Left(message);
    }

    /// <summary>Dead-lettered messages, newest first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<OutboxMessage> Dead(int limit) =>
        Messages.Query().Where(m => m.State == OutboxState.Dead).OrderByDescending(m => m.Id).Limit(limit).ToList();

    /// <summary>Puts a dead-lettered message back in line, due now with a fresh count of attempts; false when it is not dead (any more).</summary>
    public bool Revive(long id, DateTimeOffset now)
    {
        if (Messages.Get(id) is not { State: OutboxState.Dead } message) return false;
        message.State = OutboxState.Pending;
        message.Attempts = 0;
        message.NextAttemptAt = now;
        if (!Messages.Update(message)) return false;
        Queued(message);
        var conversationKey = message.ConversationKey;
        StoreTransaction.AfterCommitOfCurrentWork(() => _pending.Unhold(conversationKey));
        return true;
    }

    /// <summary>Gives up on a dead-lettered message for good; false when it is not dead (any more).</summary>
    public bool Discard(long id) =>
        Messages.Get(id) is { State: OutboxState.Dead } && Messages.Delete(id);

    /// <summary>Forgets delivered messages sent before <paramref name="before"/>; dead ones stay for inspection.</summary>
    public int PurgeSent(DateTimeOffset before) =>
        Messages.DeleteMany(m => m.State == OutboxState.Sent && m.SentAt < before);
}
