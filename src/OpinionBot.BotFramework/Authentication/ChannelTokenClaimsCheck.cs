using System.Security.Claims;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Claims a Bot Framework channel token must carry: <c>aud</c> equal to the bot's app id, and <c>serviceurl</c>
/// equal (ignoring case) to the activity's service URL.
/// </summary>
internal static class ChannelTokenClaimsCheck
{
    /// <summary>The reason to refuse, or <c>null</c> when the claims are acceptable.</summary>
    public static string? FindProblem(ClaimsIdentity identity, string microsoftAppId, string serviceUrl)
    {
        var audience = identity.FindFirst(BotFrameworkAuthenticationConstants.AudienceClaim)?.Value;
        if (audience is null)
        {
            return "missing aud claim";
        }

        if (string.IsNullOrWhiteSpace(audience))
        {
            return "empty aud claim";
        }

        if (!string.Equals(audience, microsoftAppId, StringComparison.Ordinal))
        {
            return "aud claim is not this bot's app id";
        }

        var serviceUrlClaim = identity.FindFirst(BotFrameworkAuthenticationConstants.ServiceUrlClaim)?.Value;
        if (string.IsNullOrWhiteSpace(serviceUrlClaim))
        {
            return "missing serviceurl claim";
        }

        return string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase)
            ? null
            : "serviceurl claim mismatch";
    }
}
