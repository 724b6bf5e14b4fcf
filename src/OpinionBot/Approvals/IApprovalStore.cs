using LiteDB;
using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Approvals;

/// <summary>The approval cards sent (<see cref="ApprovalStore"/> on LiteDB, <see cref="PostgreSql.PostgresApprovalStore"/> on PostgreSQL).</summary>
public interface IApprovalStore
{
    /// <summary>The request an outbox message sends, from its correlation key.</summary>
    ApprovalRequest? FindSentBy(OutboxMessage message);

    void Add(ApprovalRequest request);

    ApprovalRequest? Find(ObjectId id);

    IReadOnlyList<ApprovalRequest> Open(string caseNumber);

    void Save(ApprovalRequest request);
}
