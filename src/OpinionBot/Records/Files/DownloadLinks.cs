using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OpinionBot.Roster;
using OpinionBot.Storage;

namespace OpinionBot.Records.Files;

/// <summary>
/// Issues download links and keeps what they serve: generated files go into <see cref="IRecordFileStore"/> under
/// <c>generated/…</c> and are deleted with their link once it has expired; evidence and kept archive packages are only
/// pointed at. Every download is recorded (<see cref="DownloadRecord"/>). On either store provider.
/// </summary>
public sealed class DownloadLinks(
    IDownloadLinkStore store,
    IRecordFileStore files,
    IStoreTransaction transaction,
    TimeProvider time,
    IOptions<FilesOptions> options,
    ILogger<DownloadLinks> logger)
{
    /// <summary>Content of an expired link is kept this much longer, so a download that started in time can finish.</summary>
    public static readonly TimeSpan DeletionGrace = TimeSpan.FromMinutes(5);

    public bool Configured => options.Value.DownloadsConfigured;

    public TimeSpan Lifetime => options.Value.LinkLifetime;

    /// <summary>Keeps <paramref name="content"/> (a seekable stream, read from its start) as a new file and issues a link to it for <paramref name="to"/>.</summary>
    public IssuedLink IssueGenerated(Stream content, FileDescription what, Actor to)
    {
        content.Position = 0;
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        content.Position = 0;
        var fileId = $"generated/{Guid.CreateVersion7():N}";
        return transaction.Run(() =>
        {
            content.Position = 0; // the work may run again (a failed batch re-run, a conflict retried): from the start each time
            files.Save(fileId, what.FileName, content, new Dictionary<string, string> { ["kind"] = what.Kind.ToString(), ["sha256"] = sha256 });
            return Issue(fileId, ownsFile: true, content.Length, sha256, what, to);
        });
    }

    /// <summary>Issues a link to content already kept (an evidence file, a kept archive package); the content stays when the link expires.</summary>
    public IssuedLink IssueStored(string fileId, long size, string sha256, FileDescription what, Actor to) =>
        transaction.Run(() => Issue(fileId, ownsFile: false, size, sha256, what, to));

    /// <summary>The link a token opens, or null when the token is malformed, unknown, expired or its content is gone.</summary>
    public DownloadLink? Resolve(string? token)
    {
        if (!LinkToken.HasTokenShape(token)) return null;
        var link = store.Find(LinkToken.Hash(token!));
        if (link is null || link.ExpiresAt <= time.GetUtcNow()) return null;
        return files.Exists(link.FileId) ? link : null;
    }

    public Stream OpenContent(DownloadLink link) => files.OpenRead(link.FileId);

    public void RecordDownload(DownloadLink link, string? remoteAddress, string? userAgent)
    {
        var record = new DownloadRecord
        {
            LinkId = link.Id, Kind = link.Kind, FileName = link.FileName, Sha256 = link.Sha256, CaseNumbers = link.CaseNumbers,
            CaseCount = link.CaseCount, UnitIds = link.UnitIds, Scope = link.Scope, IssuedToKey = link.IssuedToKey,
            IssuedToName = link.IssuedToName, At = time.GetUtcNow(), RemoteAddress = remoteAddress,
            UserAgent = userAgent is { Length: > 300 } ? userAgent[..300] : userAgent,
        };
        transaction.Run(() => store.Record(record));
        logger.LogInformation("Download of {FileName} ({Kind}, {Scope}, {CaseCount} case(s): {Cases}) through a link issued to {IssuedTo} ({IssuedToKey}) from {RemoteAddress}",
            link.FileName, link.Kind, link.Scope, link.CaseCount, string.Join(",", link.CaseNumbers.Take(20)), link.IssuedToName, link.IssuedToKey, remoteAddress ?? "-");
    }

    /// <summary>Every download recorded, newest first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<DownloadRecord> RecentDownloads(int limit = 100) => store.RecentDownloads(limit);

    /// <summary>Forgets links that expired more than <see cref="DeletionGrace"/> ago, with the generated files they own.</summary>
    public int DeleteExpired()
    {
        var before = time.GetUtcNow() - DeletionGrace;
        return transaction.Run(() =>
        {
            var expired = store.ExpiredBefore(before);
            foreach (var link in expired)
            {
                if (link.OwnsFile) files.Delete(link.FileId);
                store.Delete(link.Id);
            }

            return expired.Count;
        });
    }

    private IssuedLink Issue(string fileId, bool ownsFile, long size, string sha256, FileDescription what, Actor to)
    {
        var token = LinkToken.New();
        var now = time.GetUtcNow();
        var link = new DownloadLink
        {
            Id = LinkToken.Hash(token), FileId = fileId, OwnsFile = ownsFile, FileName = what.FileName, ContentType = what.ContentType,
            Size = size, Sha256 = sha256, Kind = what.Kind, CaseNumbers = [.. what.CaseNumbers], CaseCount = what.CaseCount ?? what.CaseNumbers.Count,
            UnitIds = [.. what.UnitIds], Scope = what.Scope, IssuedToKey = to.Key, IssuedToName = to.Name, IssuedAt = now, ExpiresAt = now + Lifetime,
        };
        store.Insert(link);
        logger.LogInformation("Link to {FileName} ({Kind}, {Size} bytes, {Scope}) issued to {IssuedTo} ({IssuedToKey}) until {ExpiresAt:u}",
            link.FileName, link.Kind, size, link.Scope, to.Name, to.Key, link.ExpiresAt);
        return new IssuedLink(UrlOf(token), link);
    }

    private Uri UrlOf(string token) => new(new Uri(options.Value.PublicUrl.Trim().TrimEnd('/') + "/"), "files/" + token);
}
