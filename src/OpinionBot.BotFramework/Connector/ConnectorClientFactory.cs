using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.BotFramework.Connector;

public sealed class ConnectorClientFactory(
    IHttpClientFactory httpClientFactory,
    IBotAccessTokenProvider tokenProvider,
    TrustedServiceUrls trustedServiceUrls,
    TimeProvider timeProvider) : IConnectorClientFactory
{
    public const string HttpClientName = "BotConnector";

    public IConnectorClient Create(string serviceUrl)
    {
        if (!trustedServiceUrls.IsTrusted(serviceUrl))
            throw new UntrustedServiceUrlException(serviceUrl);

        return new ConnectorClient(new Uri(serviceUrl.TrimEnd('/') + "/"), httpClientFactory.CreateClient(HttpClientName), tokenProvider, timeProvider);
    }
}
