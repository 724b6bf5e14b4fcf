using Microsoft.Identity.Client;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>Gives MSAL its HTTP clients from <see cref="IHttpClientFactory"/>, so token requests share the app's handlers (and tests can fake them).</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory httpClientFactory, string name) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(name);
}
