namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>Hands out clients over one shared fake handler, and remembers the names asked for.</summary>
internal sealed class FakeHttpClientFactory(HttpMessageHandler handler) : IHttpClientFactory
{
    public List<string> RequestedNames { get; } = [];

    public HttpClient CreateClient(string name)
    {
        lock (RequestedNames)
        {
            RequestedNames.Add(name);
        }

        return new HttpClient(handler, disposeHandler: false);
    }
}
