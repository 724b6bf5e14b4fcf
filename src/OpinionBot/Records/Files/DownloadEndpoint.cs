using Microsoft.Net.Http.Headers;

namespace OpinionBot.Records.Files;

public static class DownloadEndpoint
{
    /// <summary>
    /// <c>GET /files/{id}</c>: the file behind a link, as an attachment with its (Chinese) name in RFC 5987
    /// <c>filename*</c>. A malformed, unknown, expired or foreign id is a bare 404: nothing says which.
    /// </summary>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{id}", (string id, HttpContext http, DownloadLinks links) =>
        {
            if (links.Resolve(id) is not { } link)
                return Results.NotFound();

            links.RecordDownload(link, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
            var headers = http.Response.Headers;
            headers.ContentDisposition = ContentDisposition(link.FileName).ToString();
            headers.CacheControl = "no-store";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            return Results.Stream(links.OpenContent(link), link.ContentType);
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary><c>attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded</c>.</summary>
    public static ContentDispositionHeaderValue ContentDisposition(string fileName)
    {
        var header = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        header.FileName = AsciiFallback(fileName);
        return header;
    }

    /// <summary>The name with every character outside printable ASCII (and quotes, backslashes) replaced by <c>_</c>.</summary>
    public static string AsciiFallback(string fileName) =>
        new(fileName.Select(c => c is >= ' ' and <= '~' and not ('"' or '\\') ? c : '_').ToArray());
}
