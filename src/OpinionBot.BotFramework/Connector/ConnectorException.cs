using System.Net;

namespace OpinionBot.BotFramework.Connector;

/// <summary>The Connector answered with a non-success status.</summary>
public sealed class ConnectorException(HttpStatusCode statusCode, string operation, string? body, TimeSpan? retryAfter)
    : Exception($"Connector {operation} failed with {(int)statusCode} {statusCode}: {Truncate(body)}")
{
    public HttpStatusCode StatusCode { get; } = statusCode;
    public string? ResponseBody { get; } = body;

    /// <summary>The <c>Retry-After</c> the Connector asked for, if any.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>Statuses Teams documents as worth retrying: 412, 429, 502, 503, 504 (and any other 5xx).</summary>
    public bool IsTransient => (int)StatusCode is 412 or 429 or >= 500;

    private static string Truncate(string? body) =>
        body is null ? "" : body.Length <= 300 ? body : body[..300] + "…";
}
