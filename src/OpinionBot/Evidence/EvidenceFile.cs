using LiteDB;

namespace OpinionBot.Evidence;

/// <summary>A screenshot or file kept as evidence (有害信息备份): stored once, never altered, known by its SHA-256.</summary>
public sealed class EvidenceFile
{
    [BsonId]
    public string Id { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public string Sha256 { get; set; } = "";
    public string AddedByKey { get; set; } = "";
    public string AddedByName { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }

    public static string IdFor(string caseNumber, string sha256) => $"evidence/{caseNumber}/{sha256}";
}
