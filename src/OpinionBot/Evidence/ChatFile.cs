using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Evidence;

/// <summary>A file or image someone sent in chat: where to fetch it and what to call it.</summary>
public sealed record ChatFile(string Name, Uri DownloadUrl, string ContentType)
{
    /// <summary>
    /// The files among a message's attachments: Teams file uploads (<c>…file.download.info</c>, a pre-authorised
    /// <c>downloadUrl</c>) and inline images (<c>image/*</c> with a <c>contentUrl</c> on the channel's service).
    /// The HTML copy of the message and cards are not files.
    /// </summary>
    public static IReadOnlyList<ChatFile> In(Activity activity)
    {
        var files = new List<ChatFile>();
        foreach (var (attachment, index) in (activity.Attachments ?? []).Select((a, i) => (a, i)))
        {
            if (attachment.ContentType == AttachmentContentTypes.TeamsFileDownloadInfo)
            {
                var info = BotJson.Convert<FileDownloadInfo>(attachment.Content);
                if (Http(info?.DownloadUrl) is { } url)
                    files.Add(new ChatFile(attachment.Name ?? $"file-{index + 1}.{info!.FileType}", url, ContentTypeOf(info!.FileType)));
            }
            else if (attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && Http(attachment.ContentUrl) is { } imageUrl)
            {
                var extension = attachment.ContentType["image/".Length..];
                files.Add(new ChatFile(attachment.Name ?? $"image-{index + 1}.{extension}", imageUrl, attachment.ContentType));
            }
        }

        return files;
    }

    private static Uri? Http(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static string ContentTypeOf(string? fileType) => fileType?.ToLowerInvariant() switch
    {
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "pdf" => "application/pdf",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "mp4" => "video/mp4",
        "txt" => "text/plain",
        _ => "application/octet-stream",
    };

    private sealed class FileDownloadInfo
    {
        public string? DownloadUrl { get; set; }
        public string? UniqueId { get; set; }
        public string? FileType { get; set; }
    }
}
