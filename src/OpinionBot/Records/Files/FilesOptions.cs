namespace OpinionBot.Records.Files;

/// <summary>
/// Downloads of generated files: <c>Files:LinkLifetime</c> (how long a link works) and <c>Bot:PublicUrl</c> (the
/// HTTPS address Teams already calls, which links start with). An empty public URL means downloads are not configured.
/// </summary>
public sealed class FilesOptions
{
    public const string Section = "Files";
    public const string PublicUrlKey = "Bot:PublicUrl";

    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Bound from <c>Bot:PublicUrl</c>, not from this section.</summary>
    public string PublicUrl { get; set; } = "";

    public bool DownloadsConfigured => PublicUrl.Trim().Length > 0;
}
