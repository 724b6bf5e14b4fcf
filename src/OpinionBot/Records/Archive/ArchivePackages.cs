using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Records.Files;
using OpinionBot.Storage;

namespace OpinionBot.Records.Archive;

/// <summary>
/// Archive packages: the kept package of each archived case, and the <see cref="CaseEventKind.ArchivePackaged"/> event
/// that records every package's SHA-256 in the case's timeline.
/// </summary>
public sealed class ArchivePackages(
    IArchiveStore store,
    IRecordFileStore files,
    IStoreTransaction transaction,
    ICaseStore cases,
    ArchiveRequests requests,
    OrganizationClock clock,
    ILogger<ArchivePackages> logger)
{
    public KeptArchivePackage? KeptFor(string caseNumber) => store.KeptFor(caseNumber);

    /// <summary>
    /// Keeps <paramref name="package"/> as the case's archive copy when the case is archived and has none yet, and records
    /// its hash in the timeline — in one transaction. Returns the kept package (this one, or the one kept before).
    /// </summary>
    public KeptArchivePackage? Keep(BuiltPackage package, string caseNumber, string actorKey, string actorName) => transaction.Run(() =>
    {
        if (store.KeptFor(caseNumber) is { } earlier) return earlier;
        if (cases.Find(caseNumber) is not { State: CaseState.Archived }) return null;

        var kept = new KeptArchivePackage
        {
            CaseNumber = caseNumber, FileId = $"archive/{caseNumber}/{package.Sha256}", FileName = package.FileName, Size = package.Size,
            Sha256 = package.Sha256, Files = package.Manifest.Files.Count, CreatedAt = clock.UtcNow,
        };
        package.Content.Position = 0; // the work may run again: from the start each time
        files.Save(kept.FileId, kept.FileName, package.Content, new Dictionary<string, string> { ["case"] = caseNumber, ["sha256"] = package.Sha256 });
        store.Keep(kept);
        requests.CompleteInTransaction(caseNumber);
        Record(package, caseNumber, actorKey, actorName);
        logger.LogInformation("Archive package of {CaseNumber} kept: {FileName}, {Size} bytes, SHA-256 {Sha256}", caseNumber, kept.FileName, kept.Size, kept.Sha256);
        return kept;
    });

    /// <summary>Records in the timeline the hash of a package handed out without being kept (a case not archived yet).</summary>
    public void RecordHandedOut(BuiltPackage package, string caseNumber, string actorKey, string actorName) =>
        transaction.Run(() => Record(package, caseNumber, actorKey, actorName));

    public static string EventComment(BuiltPackage package) =>
        $"{package.FileName} · SHA-256 {package.Sha256} · {package.Manifest.Files.Count} files · {OpinionBot.Evidence.FileSize.Format(package.Size)}";

    private bool Record(BuiltPackage package, string caseNumber, string actorKey, string actorName) =>
        cases.Append(new CaseEvent
        {
            CaseNumber = caseNumber, At = clock.UtcNow, Kind = CaseEventKind.ArchivePackaged, ActorKey = actorKey, ActorName = actorName,
            Comment = EventComment(package), DedupKey = $"archive-package:{caseNumber}:{package.Sha256}",
        });

    /// <summary>A kept package as a link's description.</summary>
    public static FileDescription Description(KeptArchivePackage kept, string unitId) =>
        new(kept.FileName, ContentTypes.Zip, FileKind.ArchivePackage, [kept.CaseNumber], [unitId], $"archive package {kept.CaseNumber} (kept)");
}
