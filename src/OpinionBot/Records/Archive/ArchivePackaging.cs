using OpinionBot.Scheduling;
using OpinionBot.Storage;

namespace OpinionBot.Records.Archive;

/// <summary>
/// The hook the procedure calls when a case is archived: <see cref="CaseArchived"/> queues the case's archive package
/// and wakes <see cref="ArchiveWorker"/>. Safe inside or outside a store transaction: the request is a plain
/// write that commits (or rolls back) with the caller's work, and the worker is woken after that commit.
/// </summary>
public sealed class ArchivePackaging(ArchiveRequests requests, ArchiveSignal signal, IStoreTransaction transaction)
{
    public void CaseArchived(string caseNumber)
    {
        requests.Request(caseNumber);
        transaction.AfterCommit(signal.Notify);
    }
}

/// <summary>Wakes the archive worker.</summary>
public sealed class ArchiveSignal : WakeSignal;
