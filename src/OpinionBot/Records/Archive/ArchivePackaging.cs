namespace OpinionBot.Records.Archive;

/// <summary>
/// The hook the procedure calls when a case is archived: <see cref="CaseArchived"/> queues the case's archive package
/// and wakes <see cref="ArchiveWorker"/>. Safe inside or outside a <see cref="Storage.StoreTransaction"/>: the request is
/// a plain write that commits with the caller's transaction, and the worker reads requests through the same
/// transaction lock, so it sees the request only once the archiving has committed (and never if it rolled back).
/// </summary>
public sealed class ArchivePackaging(ArchiveRequests requests, ArchiveSignal signal)
{
    public void CaseArchived(string caseNumber)
    {
        requests.Request(caseNumber);
        signal.Notify();
    }
}

/// <summary>Wakes the archive worker (many notifications before a wait count as one).</summary>
public sealed class ArchiveSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);

    public void Notify()
    {
        try
        {
            _semaphore.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => _semaphore.WaitAsync(cancellationToken);
}
