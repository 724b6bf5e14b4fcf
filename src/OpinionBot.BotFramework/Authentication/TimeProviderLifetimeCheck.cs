using Microsoft.IdentityModel.Tokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Checks <c>nbf</c>/<c>exp</c> against an injected <see cref="TimeProvider"/> with
/// <see cref="BotFrameworkAuthenticationConstants.ClockSkew"/>; throws the same exception types as the built-in check
/// so failures keep their specific reason.
/// </summary>
internal sealed class TimeProviderLifetimeCheck(TimeProvider timeProvider)
{
    public bool Validate(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var skew = BotFrameworkAuthenticationConstants.ClockSkew;
        if (notBefore is { } validFrom && validFrom.ToUniversalTime() > now + skew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = validFrom };
        }

        if (expires.Value.ToUniversalTime() < now - skew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        return true;
    }
}
