using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>Answers requests by exact URL (or, failing that, by URL prefix) and records every request it sees (with its body and headers).</summary>
internal sealed class FakeHttpMessageHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, Task<HttpResponseMessage>>> _routes = new();
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, Task<HttpResponseMessage>>> _prefixes = new();

    /// <summary>Answers every URL that starts with <paramref name="prefix"/> and has no exact route.</summary>
    public void RespondToPrefix(string prefix, Func<HttpRequestMessage, HttpResponseMessage> respond) =>
        _prefixes[prefix] = request => Task.FromResult(respond(request));

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public void RespondJson(string url, Func<string> json, HttpStatusCode status = HttpStatusCode.OK) =>
        _routes[url] = _ => Task.FromResult(JsonResponse(json(), status));

    public void Respond(string url, Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) => _routes[url] = respond;

    public int CountRequests(string url) => Requests.Count(request => request.Url == url);

    public static HttpResponseMessage JsonResponse(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue(new RecordedRequest(request.Method, url, body, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value))));
        if (_routes.TryGetValue(url, out var respond))
            return await respond(request);
        var prefix = _prefixes.Keys.Where(url.StartsWith).OrderByDescending(p => p.Length).FirstOrDefault();
        return prefix is not null ? await _prefixes[prefix](request) : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
