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
    public string? ActivityId { get; set; }
    public string Language { get; set; } = "";
    public List<string> ApproverKeys { get; set; } = [];
    public DateTimeOffset SentAt { get; set; }
    public bool Closed { get; set; }
}
