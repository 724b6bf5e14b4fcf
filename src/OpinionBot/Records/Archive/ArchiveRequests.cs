using LiteDB;
using OpinionBot.Configuration;
using OpinionBot.Storage;

namespace OpinionBot.Records.Archive;

/// <summary>The queue of archived cases whose package is still to be made. Knows nothing of cases, so the archiving transaction can write to it.</summary>
public sealed class ArchiveRequests(ILiteDatabase database, StoreTransaction transaction, OrganizationClock clock) : ICollectionIndexes
{
    /// <summary>Gives up on a case's package after this many failed attempts (each is logged).</summary>
    public const int MaxAttempts = 5;

    private ILiteCollection<ArchiveRequest> Requests => database.GetCollection<ArchiveRequest>("archive_requests");

    public void EnsureIndexes() => Requests.EnsureIndex(r => r.RequestedAt);

    /// <summary>Queues a package for the case: a plain write, so inside a <see cref="StoreTransaction"/> it commits (or not) with the archiving.</summary>
    public void Request(string caseNumber)
    {
        if (Requests.Exists(r => r.CaseNumber == caseNumber)) return;
        Requests.Insert(new ArchiveRequest { CaseNumber = caseNumber, RequestedAt = clock.UtcNow });
    }

    /// <summary>The requests still open. Read inside a transaction, so a request made in a transaction still committing is seen once it has committed.</summary>
    public IReadOnlyList<ArchiveRequest> Pending() =>
        transaction.Run(() => Requests.Find(r => r.Attempts < MaxAttempts).OrderBy(r => r.RequestedAt).ToList());

    public ArchiveRequest? Find(string caseNumber) => Requests.FindById(caseNumber);

    public void Forget(string caseNumber) => transaction.Run(() => Requests.Delete(caseNumber));

    public void CompleteInTransaction(string caseNumber) => Requests.Delete(caseNumber);

    public void Failed(string caseNumber, Exception error) => transaction.Run(() =>
    {
        if (Requests.FindById(caseNumber) is not { } request) return false;
        request.Attempts++;
        request.LastError = error.Message;
        return Requests.Update(request);
    });
}
