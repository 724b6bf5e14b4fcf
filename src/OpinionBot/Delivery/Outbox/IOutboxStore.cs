namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// The outbox (<see cref="OutboxStore"/> on LiteDB, <see cref="PostgreSql.PostgresOutboxStore"/> on PostgreSQL). Enqueueing
/// inside a store transaction makes the message part of it. Delivering is claim-based so several instances can share the
/// outbox: an instance delivers only what it claimed, and per conversation only the oldest pending message may be claimed.
/// </summary>
public interface IOutboxStore
{
    /// <summary>
    /// At most this many messages of one conversation are handed out by one <see cref="ClaimDue"/>; a conversation
    /// whose batch all went out is looked at again at once.
    /// </summary>
    const int ClaimBatch = 16;

    long Enqueue(OutboxMessage message);

    /// <summary>Many messages at once; ids follow the given order.</summary>
    IReadOnlyList<long> EnqueueMany(IReadOnlyList<OutboxMessage> messages);

    OutboxMessage? Find(long id);

    /// <summary>Every pending message, oldest first, grouped by conversation (groups ordered by their head).</summary>
    IReadOnlyList<IReadOnlyList<OutboxMessage>> PendingByConversation();

    /// <summary>
    /// What this instance may deliver now, by conversation, oldest first. With one instance (LiteDB) that is every
    /// pending message; with several, each conversation's head that no other instance holds, claimed for this one.
    /// </summary>
    IReadOnlyList<IReadOnlyList<OutboxMessage>> ClaimDue(DateTimeOffset now) => PendingByConversation();

    /// <summary>Once a conversation's claimed messages are done: its next head, claimed; null when there is none (or, with one instance, always).</summary>
    OutboxMessage? ClaimNext(string conversationKey, DateTimeOffset now) => null;

    /// <summary>
    /// Gives back a claimed message this instance will not attempt before <paramref name="until"/> (paced, or not yet
    /// due); until then this instance claims nothing more of its conversation.
    /// </summary>
    void Release(OutboxMessage message, DateTimeOffset until)
    {
    }

    /// <summary>When something this instance could not claim becomes claimable (another instance's lease runs out); null: nothing waits so.</summary>
    DateTimeOffset? NextClaimableAt(DateTimeOffset now) => null;

    int Count(OutboxState state);

    IReadOnlyList<OutboxMessage> All();

    void MarkSent(OutboxMessage message, string? activityId, DateTimeOffset at);

    void Retry(OutboxMessage message, string error, DateTimeOffset nextAttemptAt);

    void MarkDead(OutboxMessage message, string error);

    /// <summary>Forgets delivered messages sent before <paramref name="before"/>; dead ones stay for inspection.</summary>
    int PurgeSent(DateTimeOffset before);

    /// <summary>Dead-lettered messages, newest first (at most <paramref name="limit"/>).</summary>
    IReadOnlyList<OutboxMessage> Dead(int limit);

    /// <summary>Puts a dead-lettered message back in line, due now with a fresh count of attempts; false when it is not dead (any more).</summary>
    bool Revive(long id, DateTimeOffset now);

    /// <summary>Gives up on a dead-lettered message for good; false when it is not dead (any more).</summary>
    bool Discard(long id);
}
