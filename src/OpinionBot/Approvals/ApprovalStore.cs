using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Approvals;

public sealed class ApprovalStore(ILiteDatabase database) : ICollectionIndexes
{
    private ILiteCollection<ApprovalRequest> Requests => database.GetCollection<ApprovalRequest>("approval_requests");

    public void EnsureIndexes() => Requests.EnsureIndex(r => r.CaseNumber);

    public void Add(ApprovalRequest request) => Requests.Insert(request);

    public IReadOnlyList<ApprovalRequest> Open(string caseNumber) =>
        Requests.Find(r => r.CaseNumber == caseNumber && !r.Closed).ToList();

    public void Close(ApprovalRequest request)
    {
        request.Closed = true;
        Requests.Update(request);
    }
}
