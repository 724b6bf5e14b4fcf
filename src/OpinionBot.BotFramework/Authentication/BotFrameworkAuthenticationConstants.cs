namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// The Bot Framework authentication protocol's fixed values, the same in every cloud: claim names, allowed algorithms,
/// clock skew and cache intervals. Per-cloud endpoints and issuers are in <see cref="BotCloud"/>.
/// </summary>
public static class BotFrameworkAuthenticationConstants
{
    /// <summary>The only signing algorithms accepted on inbound tokens.</summary>
    public static IReadOnlyList<string> AllowedSigningAlgorithms { get; } = ["RS256", "RS384", "RS512"];

    /// <summary>Tolerance applied to <c>nbf</c> and <c>exp</c>.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are fetched again when they are older than this.</summary>
    public static TimeSpan SigningKeysMaximumAge { get; } = TimeSpan.FromDays(1);

    /// <summary>Signing keys are never fetched more often than this, whatever <c>kid</c> a token names.</summary>
    public static TimeSpan SigningKeysMinimumRefreshInterval { get; } = TimeSpan.FromHours(1);

    /// <summary>While no fetch of the signing keys has succeeded yet, a failed fetch is not tried again before this.</summary>
    public static TimeSpan SigningKeysFailedFetchRetryInterval { get; } = TimeSpan.FromSeconds(30);

    public const string AudienceClaim = "aud";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string VersionClaim = "ver";
    public const string ServiceUrlClaim = "serviceurl";
    public const string EndorsementsProperty = "endorsements";
}
