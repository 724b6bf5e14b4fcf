using OpinionBot.Configuration;
using OpinionBot.Storage;

namespace OpinionBot.Records.Archive;

/// <summary>The queue of archived cases whose package is still to be made. Knows nothing of cases, so the archiving transaction can write to it.</summary>
public sealed class ArchiveRequests(IArchiveStore store, IStoreTransaction transaction, OrganizationClock clock)
{
    /// <summary>Gives up on a case's package after this many failed attempts (each is logged).</summary>
    public const int MaxAttempts = 5;

    /// <summary>Queues a package for the case: a plain write, so inside a transaction it commits (or not) with the archiving.</summary>
    public void Request(string caseNumber) => store.Request(new ArchiveRequest { CaseNumber = caseNumber, RequestedAt = clock.UtcNow });

    /// <summary>The requests still open. Read inside a transaction, so a request made in a transaction still committing is seen once it has committed.</summary>
    public IReadOnlyList<ArchiveRequest> Pending() => transaction.Run(() => store.Pending(MaxAttempts));

    public ArchiveRequest? Find(string caseNumber) => store.FindRequest(caseNumber);

    public void Forget(string caseNumber) => transaction.Run(() => store.DeleteRequest(caseNumber));

    public void CompleteInTransaction(string caseNumber) => store.DeleteRequest(caseNumber);

    public void Failed(string caseNumber, Exception error) => transaction.Run(() => store.RecordFailure(caseNumber, error.Message));
}
