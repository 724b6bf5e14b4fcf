using LiteDB;

namespace OpinionBot.Delivery.Outbox;

public enum OutboxKind
{
    Send,
    Update,

    /// <summary>
    /// A send whose content an <see cref="IOutboxRenderer"/> renders when it goes out, from the state then; what is stored
    /// is only the conversation reference. A busy conversation's queue then costs nothing to fill and is never stale.
    /// </summary>
    RenderedSend,
}

public enum OutboxState
{
    Pending,
    Sent,
    Dead,
}

/// <summary>
/// A proactive message still to deliver (or delivered, or given up on). The id is LiteDB's Int64 auto-id: it only
/// grows, so within a conversation the lowest pending id is the next message to go out.
/// </summary>
public sealed class OutboxMessage
{
    [BsonId]
    public long Id { get; set; }

    /// <summary>The serviceUrl (without a trailing slash) and the conversation id: what ordering and pacing are per.</summary>
    public string ConversationKey { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public OutboxKind Kind { get; set; }

    /// <summary>The activity as the Connector will receive it (<c>BotJson.Options</c>); for a <see cref="OutboxKind.RenderedSend"/>, the conversation reference it goes to.</summary>
    public string ActivityJson { get; set; } = "";

    /// <summary>For an update: the activity to replace, when known at enqueue time.</summary>
    public string? TargetActivityId { get; set; }

    /// <summary>For an update of a message that was still in the outbox: the send whose resulting activity id is the target.</summary>
    public long? TargetMessageId { get; set; }

    /// <summary>Who wants the resulting activity id (e.g. <c>approval:{requestId}</c>); handed to the delivery listeners.</summary>
    public string? CorrelationKey { get; set; }

    public OutboxState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SentActivityId { get; set; }
    public string? LastError { get; set; }

    public static string KeyOf(string serviceUrl, string conversationId) => $"{serviceUrl.TrimEnd('/')}|{conversationId}";
}
