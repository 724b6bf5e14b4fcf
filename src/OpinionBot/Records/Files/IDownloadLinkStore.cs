namespace OpinionBot.Records.Files;

/// <summary>
/// Issued download links and the downloads made through them (<see cref="DownloadLinkStore"/> on LiteDB,
/// <see cref="PostgreSql.PostgresDownloadLinkStore"/> on PostgreSQL). The content is in <see cref="IRecordFileStore"/>.
/// </summary>
public interface IDownloadLinkStore
{
    void Insert(DownloadLink link);

    /// <summary>The link with this id (the SHA-256 of its token), expired or not; null when there is none.</summary>
    DownloadLink? Find(string id);

    /// <summary>The links that expired before <paramref name="before"/>.</summary>
    IReadOnlyList<DownloadLink> ExpiredBefore(DateTimeOffset before);

    bool Delete(string id);

    /// <summary>Records a download (kept after its link is gone); the same record again replaces it.</summary>
    void Record(DownloadRecord record);

    /// <summary>Downloads recorded, newest first (at most <paramref name="limit"/>).</summary>
    IReadOnlyList<DownloadRecord> RecentDownloads(int limit);
}
