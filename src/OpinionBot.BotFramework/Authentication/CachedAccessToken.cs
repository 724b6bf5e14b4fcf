namespace OpinionBot.BotFramework.Authentication;

/// <summary>An access token the bot holds, with the moment it stops being valid.</summary>
internal sealed record CachedAccessToken(string AccessToken, DateTimeOffset ExpiresAt);
