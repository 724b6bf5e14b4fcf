using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Records.Files.PostgreSql;

/// <summary>Download links (<c>download_links</c>) and downloads (<c>downloads</c>) on PostgreSQL.</summary>
public sealed class PostgresDownloadLinkStore(PostgresDatabase database) : IDownloadLinkStore
{
    public void Insert(DownloadLink link) =>
        database.Execute("INSERT INTO download_links (id, expires_at, doc) VALUES ($1, $2, $3)", link.Id, link.ExpiresAt, PostgresDatabase.Json(link));

    public DownloadLink? Find(string id) => database.FindDocument<DownloadLink>("SELECT doc FROM download_links WHERE id = $1", id);

    public IReadOnlyList<DownloadLink> ExpiredBefore(DateTimeOffset before) =>
        database.Documents<DownloadLink>("SELECT doc FROM download_links WHERE expires_at < $1 ORDER BY expires_at", before);

    public bool Delete(string id) => database.Execute("DELETE FROM download_links WHERE id = $1", id) == 1;

    public void Record(DownloadRecord record) =>
        database.Execute("""
            INSERT INTO downloads (id, at, issued_to_key, doc) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET at = EXCLUDED.at, issued_to_key = EXCLUDED.issued_to_key, doc = EXCLUDED.doc
            """, record.Id.ToString(), record.At, record.IssuedToKey, PostgresDatabase.Json(record));

    public IReadOnlyList<DownloadRecord> RecentDownloads(int limit) =>
        database.Documents<DownloadRecord>("SELECT doc FROM downloads ORDER BY at DESC LIMIT $1", limit);
}
