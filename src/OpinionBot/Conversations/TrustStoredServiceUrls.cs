using OpinionBot.BotFramework.Connector;

namespace OpinionBot.Conversations;

/// <summary>At start, the serviceUrls of recorded conversations (each came on an accepted activity) are trusted again.</summary>
public sealed class TrustStoredServiceUrls(IConversationStore store, TrustedServiceUrls trusted) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var url in store.ServiceUrls())
            trusted.Trust(url);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
