using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Records.Archive;

/// <summary>The packaging queue (<c>archive_requests</c>) and the kept packages (<c>archive_packages</c>) on LiteDB.</summary>
public sealed class ArchiveStore(ILiteDatabase database) : IArchiveStore, ICollectionIndexes
{
    private ILiteCollection<ArchiveRequest> Requests => database.GetCollection<ArchiveRequest>("archive_requests");
    private ILiteCollection<KeptArchivePackage> Kept => database.GetCollection<KeptArchivePackage>("archive_packages");

    public void EnsureIndexes()
    {
        Requests.EnsureIndex(r => r.RequestedAt);
        Kept.EnsureIndex(k => k.CreatedAt);
    }

    public bool Request(ArchiveRequest request)
    {
        if (Requests.Exists(r => r.CaseNumber == request.CaseNumber)) return false;
        Requests.Insert(request);
        return true;
    }

    public IReadOnlyList<ArchiveRequest> Pending(int maxAttempts) =>
        Requests.Find(r => r.Attempts < maxAttempts).OrderBy(r => r.RequestedAt).ToList();

    public ArchiveRequest? FindRequest(string caseNumber) => Requests.FindById(caseNumber);

    public bool DeleteRequest(string caseNumber) => Requests.Delete(caseNumber);

    public bool RecordFailure(string caseNumber, string error)
    {
        if (Requests.FindById(caseNumber) is not { } request) return false;
        request.Attempts++;
        request.LastError = error;
        return Requests.Update(request);
    }

    public KeptArchivePackage? KeptFor(string caseNumber) => Kept.FindById(caseNumber);

    public void Keep(KeptArchivePackage kept) => Kept.Insert(kept);
}
