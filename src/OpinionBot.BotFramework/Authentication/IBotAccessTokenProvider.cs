namespace OpinionBot.BotFramework.Authentication;

/// <summary>The bot's own bearer token for Connector calls; <c>null</c> in anonymous mode.</summary>
public interface IBotAccessTokenProvider
{
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}
