using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>Answers requests by exact URL and records every request it sees (with its body).</summary>
internal sealed class FakeHttpMessageHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Func<HttpRequestMessage, Task<HttpResponseMessage>>> _routes = new();

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
        Requests.Enqueue(new RecordedRequest(request.Method, url, body));
        return _routes.TryGetValue(url, out var respond)
            ? await respond(request)
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }
}
