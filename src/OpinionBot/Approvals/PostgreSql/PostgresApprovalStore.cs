using LiteDB;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Approvals.PostgreSql;

/// <summary>Approval requests (<c>approval_requests</c>) on PostgreSQL; hears from the outbox the activity id each card got.</summary>
public sealed class PostgresApprovalStore(PostgresDatabase database) : IApprovalStore, IOutboxDeliveryListener
{
    public ApprovalRequest? FindSentBy(OutboxMessage message) =>
        ApprovalStore.RequestIdOf(message) is { } id ? Find(id) : null;

    public void Add(ApprovalRequest request) =>
        database.Execute("INSERT INTO approval_requests (id, case_number, closed, doc) VALUES ($1, $2, $3, $4)",
            request.Id.ToString(), request.CaseNumber, request.Closed, PostgresDatabase.Json(request));

    public ApprovalRequest? Find(ObjectId id) =>
        database.FindDocument<ApprovalRequest>("SELECT doc FROM approval_requests WHERE id = $1", id.ToString());

    public IReadOnlyList<ApprovalRequest> Open(string caseNumber) =>
        database.Documents<ApprovalRequest>("SELECT doc FROM approval_requests WHERE case_number = $1 AND NOT closed ORDER BY id COLLATE \"C\"", caseNumber);

    public void Save(ApprovalRequest request) =>
        database.Execute("UPDATE approval_requests SET case_number = $2, closed = $3, doc = $4 WHERE id = $1",
            request.Id.ToString(), request.CaseNumber, request.Closed, PostgresDatabase.Json(request));

    /// <summary>Records the delivered card's activity id (only that field: the request may be closed meanwhile).</summary>
    public void Delivered(OutboxMessage message, string? activityId)
    {
        if (activityId is null || ApprovalStore.RequestIdOf(message) is not { } id) return;
        database.Execute("UPDATE approval_requests SET doc = jsonb_set(doc, '{ActivityId}', to_jsonb($2::text)) WHERE id = $1", id.ToString(), activityId);
    }
}
