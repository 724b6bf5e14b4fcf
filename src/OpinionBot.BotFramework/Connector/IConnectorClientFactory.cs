namespace OpinionBot.BotFramework.Connector;

public interface IConnectorClientFactory
{
    /// <summary>A client for <paramref name="serviceUrl"/>; refuses a URL that never arrived on an accepted inbound activity.</summary>
    IConnectorClient Create(string serviceUrl);
}
