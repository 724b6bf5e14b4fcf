using Microsoft.Extensions.Options;
using Npgsql;
using OpinionBot.Storage;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Delivery.Outbox.PostgreSql;

/// <summary>
/// The outbox (<c>outbox</c>) shared by every instance. Per conversation only the head — the oldest pending message —
/// may be claimed, and only while no other instance holds an unexpired lease on it; claiming takes the row with
/// <c>FOR UPDATE SKIP LOCKED</c> and writes this instance and the lease's end into it. Marking a message sent, retried or
/// dead ends the lease; only then does the conversation's next message become its head, so its messages go out in order
/// whichever instance sends them. A stopped instance's claims run out after <see cref="PostgreSqlOptions.OutboxLease"/>.
/// </summary>
public sealed class PostgresOutboxStore(PostgresDatabase database, IOptions<StorageOptions> options, IOptions<DeliveryOptions> delivery) : IOutboxStore
{
    /// <summary>
    /// Conversations claimed in one pass: as many as the dispatcher delivers to at once, so each claimed head is
    /// attempted as soon as it is claimed (and its lease covers the attempt, not a wait for its turn); a full claim
    /// brings the next pass at once.
    /// </summary>
    private int ClaimLimit => Math.Max(1, delivery.Value.MaxParallelConversations);

    private const string Columns = """
        id, conversation_key, service_url, conversation_id, kind, activity_json, target_activity_id, target_message_id,
        correlation_key, state, attempts, next_attempt_at, created_at, sent_at, sent_activity_id, last_error
        """;

    /// <summary>
    /// Each conversation's head: the distinct conversations with something pending, found by skipping along the
    /// pending index (a probe per conversation, however many messages wait), then the lowest id of each. The heads'
    /// ids then lead the claim (<c>id = ANY (ARRAY(…))</c>), so it never reads the messages waiting behind them.
    /// </summary>
    private const string Heads = """
        WITH RECURSIVE conversations AS (
            (SELECT conversation_key FROM outbox WHERE state = 'Pending' ORDER BY conversation_key LIMIT 1)
            UNION ALL
            SELECT (SELECT p.conversation_key FROM outbox p
                    WHERE p.state = 'Pending' AND p.conversation_key > c.conversation_key ORDER BY p.conversation_key LIMIT 1)
            FROM conversations c WHERE c.conversation_key IS NOT NULL)
        SELECT (SELECT p.id FROM outbox p WHERE p.state = 'Pending' AND p.conversation_key = c.conversation_key ORDER BY p.id LIMIT 1) AS id
        FROM conversations c WHERE c.conversation_key IS NOT NULL
        """;

    /// <summary>A head this instance may claim at $1: due, and not leased by another instance ($2) until after it.</summary>
    private const string Claimable = "o.state = 'Pending' AND o.next_attempt_at <= $1 AND (o.lease_until IS NULL OR o.lease_until <= $1 OR o.lease_owner = $2)";

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);
    private bool _lastClaimFull;

    private PostgreSqlOptions Settings => options.Value.PostgreSql;

    public long Enqueue(OutboxMessage message)
    {
        Prepare(message);
        message.Id = database.Scalar<long>($"{Insert} RETURNING id", Values(message));
        return message.Id;
    }

    /// <summary>One round trip for all of them (a batch of inserts); ids follow the given order.</summary>
    public IReadOnlyList<long> EnqueueMany(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Count == 0) return [];
        return database.Use((connection, transaction) =>
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var message in messages)
            {
                Prepare(message);
                var command = new NpgsqlBatchCommand($"{Insert} RETURNING id");
                foreach (var value in Values(message))
                    command.Parameters.Add(PostgresDatabase.Parameter(value));
                batch.BatchCommands.Add(command);
            }

            using var reader = batch.ExecuteReader();
            var ids = new List<long>(messages.Count);
            foreach (var message in messages)
            {
                reader.Read();
                message.Id = reader.GetInt64(0);
                ids.Add(message.Id);
                reader.NextResult();
            }

            return ids;
        });
    }

    private const string Insert = """
        INSERT INTO outbox (conversation_key, service_url, conversation_id, kind, activity_json, target_activity_id, target_message_id,
            correlation_key, state, attempts, next_attempt_at, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'Pending', $9, $10, $11)
        """;

    private static void Prepare(OutboxMessage message)
    {
        message.Id = 0;
        message.State = OutboxState.Pending;
    }

    private static object?[] Values(OutboxMessage m) =>
        [m.ConversationKey, m.ServiceUrl, m.ConversationId, m.Kind, m.ActivityJson, m.TargetActivityId, m.TargetMessageId, m.CorrelationKey,
            m.Attempts, m.NextAttemptAt, m.CreatedAt];

    public OutboxMessage? Find(long id) => database.Query($"SELECT {Columns} FROM outbox WHERE id = $1", Read, id).FirstOrDefault();

    public IReadOnlyList<IReadOnlyList<OutboxMessage>> PendingByConversation() =>
        Group(database.Query($"SELECT {Columns} FROM outbox WHERE state = 'Pending' ORDER BY id", Read));

    /// <summary>Claims the heads this instance may deliver now, oldest first, one per conversation (none of a conversation it holds back).</summary>
    public IReadOnlyList<IReadOnlyList<OutboxMessage>> ClaimDue(DateTimeOffset now)
    {
        foreach (var free in _heldUntil.Where(h => h.Value <= now).Select(h => h.Key).ToList())
            _heldUntil.TryRemove(free, out _);
        var held = _heldUntil.Keys.ToArray();
        var claimed = database.Query($"""
            WITH claimable AS (
                SELECT o.id FROM outbox o
                WHERE o.id = ANY (ARRAY(
                    {Heads}))
                  AND {Claimable}
                  AND o.conversation_key <> ALL ($5)
                ORDER BY o.id LIMIT $4
                FOR UPDATE OF o SKIP LOCKED)
            UPDATE outbox SET lease_owner = $2, lease_until = $3 FROM claimable WHERE outbox.id = claimable.id
            RETURNING {Qualified}
            """, Read, now, database.InstanceId, now + Settings.OutboxLease, ClaimLimit, held);
        _lastClaimFull = claimed.Count >= ClaimLimit;
        return Group(claimed.OrderBy(m => m.Id));
    }

    public OutboxMessage? ClaimNext(string conversationKey, DateTimeOffset now) =>
        database.Query($"""
            WITH claimable AS (
                SELECT o.id FROM outbox o
                JOIN (SELECT id FROM outbox WHERE state = 'Pending' AND conversation_key = $4 ORDER BY id LIMIT 1) h ON h.id = o.id
                WHERE {Claimable}
                FOR UPDATE OF o SKIP LOCKED)
            UPDATE outbox SET lease_owner = $2, lease_until = $3 FROM claimable WHERE outbox.id = claimable.id
            RETURNING {Qualified}
            """, Read, now, database.InstanceId, now + Settings.OutboxLease, conversationKey).FirstOrDefault();

    public void Release(OutboxMessage message, DateTimeOffset until)
    {
        _heldUntil[message.ConversationKey] = until;
        database.Execute("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2", message.Id, database.InstanceId);
    }

    /// <summary>
    /// The next time worth a look: at once when the last claim was full; else when the first lease another instance holds
    /// runs out, or after <see cref="PostgreSqlOptions.OutboxPoll"/> (messages another instance queued but never claimed).
    /// </summary>
    public DateTimeOffset? NextClaimableAt(DateTimeOffset now)
    {
        if (_lastClaimFull) return now;
        var poll = now + Settings.OutboxPoll;
        // Only heads are ever leased.
        var leaseEnds = database.Scalar<DateTime>(
            "SELECT min(lease_until) FROM outbox WHERE state = 'Pending' AND lease_until > $1 AND lease_owner <> $2", now, database.InstanceId);
        var end = leaseEnds == default ? poll : new DateTimeOffset(DateTime.SpecifyKind(leaseEnds, DateTimeKind.Utc));
        return end < poll ? end : poll;
    }

    public int Count(OutboxState state) => (int)database.Scalar<long>("SELECT count(*) FROM outbox WHERE state = $1", state);

    public IReadOnlyList<OutboxMessage> All() => database.Query($"SELECT {Columns} FROM outbox ORDER BY id", Read);

    public void MarkSent(OutboxMessage message, string? activityId, DateTimeOffset at)
    {
        message.State = OutboxState.Sent;
        message.SentActivityId = activityId;
        message.SentAt = at;
        message.LastError = null;
        Update(message);
    }

    public void Retry(OutboxMessage message, string error, DateTimeOffset nextAttemptAt)
    {
        message.LastError = error;
        message.NextAttemptAt = nextAttemptAt;
        Update(message);
    }

    public void MarkDead(OutboxMessage message, string error)
    {
        message.State = OutboxState.Dead;
        message.LastError = error;
        Update(message);
    }

    /// <summary>Writes the outcome of an attempt and ends the lease.</summary>
    private void Update(OutboxMessage m) =>
        database.Execute("""
            UPDATE outbox SET state = $2, attempts = $3, next_attempt_at = $4, sent_at = $5, sent_activity_id = $6, last_error = $7,
                lease_owner = NULL, lease_until = NULL
            WHERE id = $1
            """, m.Id, m.State, m.Attempts, m.NextAttemptAt, m.SentAt, m.SentActivityId, m.LastError);

    /// <summary>Forgets delivered messages sent before <paramref name="before"/> (and rate-limit grants as old, should the pacer have left any).</summary>
    public int PurgeSent(DateTimeOffset before)
    {
        database.Execute("DELETE FROM outbox_grants WHERE at < $1", before);
        return database.Execute("DELETE FROM outbox WHERE state = 'Sent' AND sent_at < $1", before);
    }

    public IReadOnlyList<OutboxMessage> Dead(int limit) =>
        database.Query($"SELECT {Columns} FROM outbox WHERE state = 'Dead' ORDER BY id DESC LIMIT $1", Read, limit);

    /// <summary>Pending again, due at <paramref name="now"/>, attempts counted afresh, claimable by any instance; only while it is dead.</summary>
    public bool Revive(long id, DateTimeOffset now) =>
        database.Execute("""
            UPDATE outbox SET state = 'Pending', attempts = 0, next_attempt_at = $2, lease_owner = NULL, lease_until = NULL
            WHERE id = $1 AND state = 'Dead'
            """, id, now) == 1;

    public bool Discard(long id) => database.Execute("DELETE FROM outbox WHERE id = $1 AND state = 'Dead'", id) == 1;

    private static string Qualified => string.Join(", ", Columns.Split(',').Select(c => "outbox." + c.Trim()));

    private static IReadOnlyList<IReadOnlyList<OutboxMessage>> Group(IEnumerable<OutboxMessage> messages) =>
        messages.GroupBy(m => m.ConversationKey).Select(g => (IReadOnlyList<OutboxMessage>)g.ToList()).ToList();

    private static OutboxMessage Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ConversationKey = r.GetString(1),
        ServiceUrl = r.GetString(2),
        ConversationId = r.GetString(3),
        Kind = Enum.Parse<OutboxKind>(r.GetString(4)),
        ActivityJson = r.GetString(5),
        TargetActivityId = r.IsDBNull(6) ? null : r.GetString(6),
        TargetMessageId = r.IsDBNull(7) ? null : r.GetInt64(7),
        CorrelationKey = r.IsDBNull(8) ? null : r.GetString(8),
        State = Enum.Parse<OutboxState>(r.GetString(9)),
        Attempts = r.GetInt32(10),
        NextAttemptAt = PostgresDatabase.Instant(r, 11),
        CreatedAt = PostgresDatabase.Instant(r, 12),
        SentAt = PostgresDatabase.NullableInstant(r, 13),
        SentActivityId = r.IsDBNull(14) ? null : r.GetString(14),
        LastError = r.IsDBNull(15) ? null : r.GetString(15),
    };
}
