using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpinionBot.Testing;

/// <summary>A Bot Connector on a loopback port that records every call and answers as Teams does.</summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _nextId;

    public ConcurrentQueue<ConnectorCall> Calls { get; } = new();

    /// <summary>When set, the connector answers every activity call with this status.</summary>
    public HttpStatusCode? FailWith { get; set; }

    /// <summary>Conversations whose every activity call fails with the given status (e.g. 403: the bot was removed from the chat).</summary>
    public ConcurrentDictionary<string, HttpStatusCode> FailIn { get; } = new();

    /// <summary>Answers for the next activity calls, in order (one each); when empty, calls are answered as usual.</summary>
    public ConcurrentQueue<ScriptedAnswer> Script { get; } = new();

    /// <summary>Activity calls answered with success, in the order they were answered (with the id given to a send).</summary>
    public ConcurrentQueue<AcceptedCall> Accepted { get; } = new();

    /// <summary>When set, each conversation may have this many activity calls per window; more are answered 429 with Retry-After.</summary>
    public ConnectorRateLimit? RateLimit { get; set; }

    /// <summary>The clock of <see cref="RateLimit"/> and of Retry-After dates (a test's fake clock, or the real one).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    private readonly Dictionary<string, Queue<DateTimeOffset>> _windows = new(StringComparer.Ordinal);

    /// <summary>Queues one answer: a status, with Retry-After in seconds when given.</summary>
    public FakeBotConnector Then(HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        Script.Enqueue(new ScriptedAnswer(status, retryAfter));
        return this;
    }

    /// <summary>Extra routes (token endpoint, OpenID metadata) for tests that need them.</summary>
    public Action<WebApplication>? ExtraRoutes { get; init; }

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Files served at <c>/v3/attachments/{id}/views/original</c> (needs the bot's token) and <c>/download/{id}</c>.</summary>
    public ConcurrentDictionary<string, byte[]> Files { get; } = new();

    /// <summary>Members the members API knows: Teams user id → email (others get <c>{id}@contoso.example</c>).</summary>
    public ConcurrentDictionary<string, string> MemberEmails { get; } = new();

    private FakeBotConnector(WebApplication app) => _app = app;

    public static async Task<FakeBotConnector> StartAsync(Action<WebApplication>? extraRoutes = null)
    {
        FakeBotConnector? connector = null;
        var (_, address) = await LoopbackWebApp.StartAsync(app =>
        {
            connector = new FakeBotConnector(app) { ExtraRoutes = extraRoutes };
            connector.MapRoutes();
        });
        connector!.ServiceUrl = address;
        return connector;
    }

    public IReadOnlyList<ConnectorCall> ActivityCalls => Calls.Where(c => c.Path.Contains("/activities")).ToList();

    /// <summary>Waits (bounded) until <paramref name="count"/> activity calls have arrived; replies are sent before the HTTP answer, so this rarely waits.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForActivitiesAsync(int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (ActivityCalls.Count < count)
            await Task.Delay(20, cts.Token);
        return ActivityCalls;
    }

    /// <summary>Waits (bounded) for the bot's reply to the inbound activity <paramref name="replyToId"/>, among the calls after the first <paramref name="skip"/>.</summary>
    public async Task<ConnectorCall> WaitForReplyAsync(string replyToId, int skip = 0, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (ActivityCalls.Skip(skip).FirstOrDefault(c => c.Method == "POST" && c.Path.EndsWith($"/activities/{replyToId}", StringComparison.Ordinal)) is { } reply)
                return reply;
            await Task.Delay(20, cts.Token);
        }
    }

    private void MapRoutes()
    {
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)((HttpContext http) => RecordActivity(http)));
        _app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)((HttpContext http) => RecordActivity(http)));
        _app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)((HttpContext http) => RecordActivity(http)));
        _app.MapPost("/v3/conversations", async (HttpContext http) =>
        {
            await Record(http);
            return Results.Json(new { id = $"created-{Interlocked.Increment(ref _nextId)}", activityId = "first" });
        });
        _app.MapGet("/v3/conversations/{conversationId}/members/{memberId}", async (HttpContext http, string memberId) =>
        {
            await Record(http);
            var email = MemberEmails.GetValueOrDefault(memberId, $"{memberId}@contoso.example");
            return Results.Json(new { id = memberId, name = "Member", userPrincipalName = email, email });
        });
        _app.MapGet("/v3/attachments/{id}/views/original", async (HttpContext http, string id) =>
        {
            await Record(http);
            return Files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "image/png") : Results.NotFound();
        });
        _app.MapGet("/download/{id}", async (HttpContext http, string id) =>
        {
            await Record(http);
            return Files.TryGetValue(id, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound();
        });
        ExtraRoutes?.Invoke(_app);
    }

    private async Task<IResult> RecordActivity(HttpContext http)
    {
        var call = await Record(http);
        if (FailWith is { } status)
            return Results.StatusCode((int)status);
        if (FailIn.TryGetValue(Uri.UnescapeDataString(call.Path.Split('/')[3]), out var refused))
            return Results.StatusCode((int)refused);
        if (Script.TryDequeue(out var scripted))
        {
            if (scripted.RetryAfter is { } after)
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if ((int)scripted.Status >= 300)
                return Results.StatusCode((int)scripted.Status);
        }

        if (RateLimit is { } limit && OverLimit(call, limit) is { } wait)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(429);
        }

        var id = http.Request.Method == "PUT" ? call.Path[(call.Path.LastIndexOf('/') + 1)..] : $"sent-{Interlocked.Increment(ref _nextId)}";
        Accepted.Enqueue(new AcceptedCall(call, id));
        return Results.Json(new { id });
    }

    /// <summary>Counts the call against its conversation's window; the wait until a slot frees when over the limit.</summary>
    private TimeSpan? OverLimit(ConnectorCall call, ConnectorRateLimit limit)
    {
        var conversation = call.Path.Split('/')[3];
        var now = Clock.GetUtcNow();
        lock (_windows)
        {
            if (!_windows.TryGetValue(conversation, out var times))
                _windows[conversation] = times = new Queue<DateTimeOffset>();
            while (times.Count > 0 && times.Peek() + limit.Window <= now)
                times.Dequeue();
            if (times.Count >= limit.PerWindow)
                return times.Peek() + limit.Window - now;
            times.Enqueue(now);
            return null;
        }
    }

    private async Task<ConnectorCall> Record(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new ConnectorCall(
            http.Request.Method,
            Uri.UnescapeDataString(http.Request.Path.Value ?? ""),
            http.Request.Headers.Authorization.ToString(),
            body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone());
        Calls.Enqueue(call);
        return call;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A scripted answer to one activity call; a success status lets the call through as usual.</summary>
public sealed record ScriptedAnswer(HttpStatusCode Status, TimeSpan? RetryAfter = null);

/// <summary>A per-conversation limit the fake enforces with 429s.</summary>
public sealed record ConnectorRateLimit(int PerWindow, TimeSpan Window);

/// <summary>An activity call the fake accepted, with the activity id it answered.</summary>
public sealed record AcceptedCall(ConnectorCall Call, string ActivityId);

public sealed record ConnectorCall(string Method, string Path, string Authorization, JsonElement? Body)
{
    public JsonElement Card => Body!.Value.GetProperty("attachments")[0].GetProperty("content");

    public string CardJson => Card.GetRawText();

    public string? Text => Body?.TryGetProperty("text", out var t) == true ? t.GetString() : null;
}
