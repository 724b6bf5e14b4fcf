using LiteDB;
using OpinionBot.Procedure;

namespace OpinionBot.Approvals;

/// <summary>
/// A card the bot sent asking for a decision: where it is (so it can be updated in place), what it asks, and once
/// closed, the outcome its decided face shows. A press is accepted only while its request is open.
/// </summary>
public sealed class ApprovalRequest
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CaseNumber { get; set; } = "";
    public ApprovalStage Stage { get; set; }

    /// <summary>The unit whose people decide: the lead unit, or for a dispatch the unit it was dispatched to.</summary>
    public string UnitId { get; set; } = "";

    /// <summary>For a statement's stages: which statement.</summary>
    public int? StatementId { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";

    /// <summary>Personal chat, or a shared one (the unit's approval chat, the office's conversation).</summary>
    public bool Shared { get; set; }

    /// <summary>The card's activity id, once the outbox has delivered it.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The outbox message that sends the card: an update before delivery refers to it.</summary>
    public long? OutboxMessageId { get; set; }
    public string Language { get; set; } = "";
    public List<string> ApproverKeys { get; set; } = [];
    public DateTimeOffset SentAt { get; set; }
    public bool Closed { get; set; }
    public ApprovalOutcome? Outcome { get; set; }
}

/// <summary>What closed a request: the event, who, when, with what comment.</summary>
public sealed class ApprovalOutcome
{
    public Cases.CaseEventKind Kind { get; set; }
    public string ActorName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Comment { get; set; } = "";
}
