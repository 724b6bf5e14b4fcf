namespace OpinionBot.Records.Archive;

/// <summary>
/// The archive packaging queue and the kept packages (<see cref="ArchiveStore"/> on LiteDB,
/// <see cref="PostgreSql.PostgresArchiveStore"/> on PostgreSQL). The packages' content is in <see cref="Files.IRecordFileStore"/>.
/// </summary>
public interface IArchiveStore
{
    /// <summary>Queues the request unless its case is queued already (false then): a plain write, part of the enclosing transaction.</summary>
    bool Request(ArchiveRequest request);

    /// <summary>The requests tried fewer than <paramref name="maxAttempts"/> times, oldest first.</summary>
    IReadOnlyList<ArchiveRequest> Pending(int maxAttempts);

    ArchiveRequest? FindRequest(string caseNumber);

    bool DeleteRequest(string caseNumber);

    /// <summary>Counts a failed attempt with its error; false when the case is not queued.</summary>
    bool RecordFailure(string caseNumber, string error);

    KeptArchivePackage? KeptFor(string caseNumber);

    /// <summary>Keeps the case's package; one per case (a second one for the same case fails, as a conflict on PostgreSQL).</summary>
    void Keep(KeptArchivePackage kept);
}
