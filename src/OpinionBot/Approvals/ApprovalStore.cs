using LiteDB;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;

namespace OpinionBot.Approvals;

/// <summary>The approval cards sent; hears from the outbox the activity id each card got, to update it in place later.</summary>
public sealed class ApprovalStore(ILiteDatabase database) : IApprovalStore, ICollectionIndexes, IOutboxDeliveryListener
{
    private const string CorrelationPrefix = "approval:";

    private static readonly PreparedExpression CaseNumberEquals = new("$.CaseNumber = @0");

    private const string Collection = "approval_requests";

    private ILiteCollection<ApprovalRequest> Requests => database.GetCollection<ApprovalRequest>(Collection);

    public static string CorrelationKey(ObjectId requestId) => CorrelationPrefix + requestId;

    /// <summary>The id of the request an outbox message sends (its card), from its correlation key; null for any other message.</summary>
    public static ObjectId? RequestIdOf(OutboxMessage message) =>
        message.CorrelationKey?.StartsWith(CorrelationPrefix, StringComparison.Ordinal) == true ? new ObjectId(message.CorrelationKey[CorrelationPrefix.Length..]) : null;

    /// <summary>The request an outbox message sends, from its correlation key.</summary>
    public ApprovalRequest? FindSentBy(OutboxMessage message) => RequestIdOf(message) is { } id ? Requests.FindById(id) : null;

    public void EnsureIndexes() => Requests.EnsureIndex(r => r.CaseNumber);

    public void Add(ApprovalRequest request) => database.GetCollection(Collection).Insert(ApprovalRequestDocument.Of(request));

    public ApprovalRequest? Find(ObjectId id) => Requests.Get(id);

    public IReadOnlyList<ApprovalRequest> Open(string caseNumber) =>
        Requests.Find(CaseNumberEquals.With(caseNumber)).ToList().Where(r => !r.Closed).ToList();

    public void Save(ApprovalRequest request) => Requests.Update(request);

    /// <summary>Records the delivered card's activity id (only that field: the request may be closed meanwhile).</summary>
    public void Delivered(OutboxMessage message, string? activityId)
    {
        if (activityId is null || RequestIdOf(message) is not { } id) return;
        Requests.UpdateMany(BsonExpression.Create("{ ActivityId: @0 }", new BsonValue(activityId)), BsonExpression.Create("_id = @0", new BsonValue(id)));
    }
}
