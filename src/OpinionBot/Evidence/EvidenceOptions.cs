namespace OpinionBot.Evidence;

/// <summary>The <c>Evidence</c> section.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>Largest file kept, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Files sent without a case number within this time after a report go to that report.</summary>
    public TimeSpan AttachAfterReportWindow { get; set; } = TimeSpan.FromMinutes(30);
}
