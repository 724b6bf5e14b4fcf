using LiteDB;

namespace OpinionBot.Records.Files;

/// <summary>
/// One issued link: what it serves, to whom it was issued and until when. Known by the SHA-256 of its token.
/// Generated content is owned by the link (deleted with it once expired); evidence and kept archive packages are not.
/// </summary>
public sealed class DownloadLink
{
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>The content's id in <see cref="IRecordFileStore"/> (generated/…, archive/…, evidence/…).</summary>
    public string FileId { get; set; } = "";
    public bool OwnsFile { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public FileKind Kind { get; set; }

    /// <summary>The cases the file shows when it is about particular cases; empty for a register (see <see cref="Scope"/>).</summary>
    public List<string> CaseNumbers { get; set; } = [];
    public int CaseCount { get; set; }
    public List<string> UnitIds { get; set; } = [];

    /// <summary>What the file covers in words, e.g. <c>register 2026-11-01..2026-11-30, units: all</c>.</summary>
    public string Scope { get; set; } = "";
    public string IssuedToKey { get; set; } = "";
    public string IssuedToName { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

public enum FileKind
{
    Register,
    SpecialReport,
    BriefingReport,
    ArchivePackage,
    Evidence,
}

/// <summary>One download through a link (who it was issued to, when, which cases), kept after the link is gone.</summary>
public sealed class DownloadRecord
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string LinkId { get; set; } = "";
    public FileKind Kind { get; set; }
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public List<string> CaseNumbers { get; set; } = [];
    public int CaseCount { get; set; }
    public List<string> UnitIds { get; set; } = [];
    public string Scope { get; set; } = "";
    public string IssuedToKey { get; set; } = "";
    public string IssuedToName { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? RemoteAddress { get; set; }
    public string? UserAgent { get; set; }
}

/// <summary>What a file is, for its link: name, type and the cases, units and scope it covers.</summary>
public sealed record FileDescription(
    string FileName,
    string ContentType,
    FileKind Kind,
    IReadOnlyList<string> CaseNumbers,
    IReadOnlyList<string> UnitIds,
    string Scope,
    int? CaseCount = null);

/// <summary>A link as handed to a person: its URL and when it stops working.</summary>
public sealed record IssuedLink(Uri Url, DownloadLink Link);
