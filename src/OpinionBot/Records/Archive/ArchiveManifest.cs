namespace OpinionBot.Records.Archive;

/// <summary>
/// <c>manifest.json</c> of an archive package: every other file in it with its size and SHA-256, so the package can be
/// verified later. The package's own SHA-256 is recorded in the case's timeline (event <c>ArchivePackaged</c>).
/// </summary>
public sealed record ArchiveManifest(
    string Format,
    string CaseNumber,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string Algorithm,
    IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const string CurrentFormat = "opinionbot-archive/1";
}

public sealed record ManifestFile(string Path, long Size, string Sha256);
