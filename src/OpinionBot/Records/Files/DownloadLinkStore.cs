using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Records.Files;

/// <summary>Download links (<c>download_links</c>) and downloads (<c>downloads</c>) on LiteDB.</summary>
public sealed class DownloadLinkStore(ILiteDatabase database) : IDownloadLinkStore, ICollectionIndexes
{
    private ILiteCollection<DownloadLink> Links => database.GetCollection<DownloadLink>("download_links");
    private ILiteCollection<DownloadRecord> Downloads => database.GetCollection<DownloadRecord>("downloads");

    public void EnsureIndexes()
    {
        Links.EnsureIndex(l => l.ExpiresAt);
        Downloads.EnsureIndex(d => d.At);
        Downloads.EnsureIndex(d => d.IssuedToKey);
    }

    public void Insert(DownloadLink link) => Links.Insert(link);

    public DownloadLink? Find(string id) => Links.FindById(id);

    public IReadOnlyList<DownloadLink> ExpiredBefore(DateTimeOffset before) =>
        Links.Find(Query.LT(nameof(DownloadLink.ExpiresAt), new BsonValue(before.UtcDateTime))).ToList();

    public bool Delete(string id) => Links.Delete(id);

    public void Record(DownloadRecord record) => Downloads.Upsert(record);

    public IReadOnlyList<DownloadRecord> RecentDownloads(int limit) =>
        Downloads.Query().OrderByDescending(d => d.At).Limit(limit).ToList();
}
