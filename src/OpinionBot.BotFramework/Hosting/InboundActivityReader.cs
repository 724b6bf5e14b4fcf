using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Hosting;

/// <summary>Reads and checks the activity in a <c>POST /api/messages</c> body.</summary>
internal static class InboundActivityReader
{
    public static async Task<InboundActivityResult> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (!IsUtf8Json(request.ContentType))
            return InboundActivityResult.NotJson(request.ContentType);

        if (request.ContentLength > maxBytes)
            return InboundActivityResult.TooLarge(maxBytes);

        var buffer = new ArrayBufferWriter<byte>();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.WrittenCount + read > maxBytes)
                return InboundActivityResult.TooLarge(maxBytes);
            buffer.Write(chunk.AsSpan(0, read));
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.WrittenSpan, BotJson.Options);
        }
        catch (JsonException ex)
        {
            return InboundActivityResult.Invalid($"The body is not a valid activity: {ex.Message}");
        }

        if (activity is null)
            return InboundActivityResult.Invalid("The body is empty or null; an activity object is required.");

        var missing = MissingFields(activity);
        if (missing.Count > 0)
            return InboundActivityResult.Invalid($"The activity lacks required fields: {string.Join(", ", missing)}.");

        if (!Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl) || serviceUrl.Scheme is not ("http" or "https"))
            return InboundActivityResult.Invalid("The activity's serviceUrl is not an absolute http(s) URL.");

        return InboundActivityResult.Ok(activity);
    }

    /// <summary>The Bot Framework posts <c>application/json</c> (UTF-8, the only JSON encoding); a form post or text is not an activity.</summary>
    private static bool IsUtf8Json(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        && (mediaType.Charset.Length == 0 || mediaType.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    private static List<string> MissingFields(Activity activity)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(activity.Type)) missing.Add("type");
        if (string.IsNullOrWhiteSpace(activity.ServiceUrl)) missing.Add("serviceUrl");
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id)) missing.Add("conversation.id");
        return missing;
    }
}

internal sealed record InboundActivityResult(Activity? Activity, int Status, string? Problem)
{
    public static InboundActivityResult Ok(Activity activity) => new(activity, StatusCodes.Status200OK, null);

    public static InboundActivityResult Invalid(string problem) => new(null, StatusCodes.Status400BadRequest, problem);

    public static InboundActivityResult NotJson(string? contentType) =>
        new(null, StatusCodes.Status415UnsupportedMediaType,
            $"The body must be application/json (UTF-8); it was {(string.IsNullOrEmpty(contentType) ? "sent without a Content-Type" : $"'{contentType}'")}.");

    public static InboundActivityResult TooLarge(int maxBytes) =>
        new(null, StatusCodes.Status413PayloadTooLarge, $"The request body is larger than {maxBytes / 1024} KB.");
}
