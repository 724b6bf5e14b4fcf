using LiteDB;

namespace OpinionBot.Records.Archive;

/// <summary>
/// The package made when a case was archived (its 归档 copy), kept in the record files for good — like the
/// evidence it contains. One per case; its SHA-256 is the one the timeline recorded.
/// </summary>
public sealed class KeptArchivePackage
{
    [BsonId]
    public string CaseNumber { get; set; } = "";
    public string FileId { get; set; } = "";
    public string FileName { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public int Files { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A case archived whose package is still to be made (the worker's queue), written in the archiving transaction.</summary>
public sealed class ArchiveRequest
{
    [BsonId]
    public string CaseNumber { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
