using System.Security.Claims;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>Validates the bearer token the channel sends with each activity.</summary>
public interface IChannelRequestAuthenticator
{
    Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken);
}

public sealed record ChannelAuthenticationResult(bool IsAuthenticated, string? FailureReason, ClaimsIdentity? Identity)
{
    public static ChannelAuthenticationResult Anonymous { get; } = new(true, null, new ClaimsIdentity());

    public static ChannelAuthenticationResult Success(ClaimsIdentity identity) => new(true, null, identity);

    public static ChannelAuthenticationResult Failure(string reason) => new(false, reason, null);
}
