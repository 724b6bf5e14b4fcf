using System.Security.Claims;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Claims an Entra-issued token (the emulator's) must carry: <c>aud</c> naming this bot (its app id, or
/// <c>api://</c> and its app id), so that a token issued for another resource — the Bot Connector token the bot itself
/// obtains, say — cannot be replayed to it; a <c>ver</c> claim; and the bot's app id in <c>appid</c> (version 1.0 or no
/// version) or <c>azp</c> (version 2.0).
/// </summary>
internal static class EntraTokenClaimsCheck
{
    /// <summary>The reason to refuse, or <c>null</c> when the claims are acceptable.</summary>
    public static string? FindProblem(ClaimsIdentity identity, string microsoftAppId)
    {
        var audience = identity.FindFirst(BotFrameworkAuthenticationConstants.AudienceClaim)?.Value;
        if (string.IsNullOrWhiteSpace(audience))
        {
            return "missing aud claim";
        }

        if (!string.Equals(audience, microsoftAppId, StringComparison.Ordinal)
            && !string.Equals(audience, "api://" + microsoftAppId, StringComparison.Ordinal))
        {
            return "aud claim is not this bot's app id";
        }

        var version = identity.FindFirst(BotFrameworkAuthenticationConstants.VersionClaim);
        if (version is null)
        {
            return "missing ver claim";
        }

        string appIdClaimType;
        if (string.IsNullOrWhiteSpace(version.Value) || version.Value == "1.0")
        {
            appIdClaimType = BotFrameworkAuthenticationConstants.AppIdClaim;
        }
        else if (version.Value == "2.0")
        {
            appIdClaimType = BotFrameworkAuthenticationConstants.AuthorizedPartyClaim;
        }
        else
        {
            return "unknown token version";
        }

        var appId = identity.FindFirst(appIdClaimType)?.Value;
        if (appId is null)
        {
            return $"missing {appIdClaimType} claim";
        }

        return string.Equals(appId, microsoftAppId, StringComparison.Ordinal)
            ? null
            : $"{appIdClaimType} claim is not this bot's app id";
    }
}
