using LiteDB;

namespace OpinionBot.Approvals;

/// <summary>A card the bot sent asking for a decision: where it is, so it can be updated in place once decided.</summary>
public sealed class ApprovalRequest
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CaseNumber { get; set; } = "";
    public ApprovalStage Stage { get; set; }
    public int CaseVersion { get; set; }
    public string ServiceUrl { get; set; } = "";
    public string ConversationId { get; set; } = "";
    /// <summary>The card's activity id, once the outbox has delivered it.</summary>
    public string? ActivityId { get; set; }

    /// <summary>The outbox message that sends the card: an update before delivery refers to it.</summary>
    public long? OutboxMessageId { get; set; }
    public string Language { get; set; } = "";
    public List<string> ApproverKeys { get; set; } = [];
    public DateTimeOffset SentAt { get; set; }
    public bool Closed { get; set; }
}
