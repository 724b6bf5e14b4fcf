namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// The Bot Framework authentication protocol's fixed values: issuers, metadata addresses, claim names,
/// allowed algorithms, clock skew and cache intervals.
/// </summary>
public static class BotFrameworkAuthenticationConstants
{
    /// <summary>The issuer of every token the Bot Framework channel service sends to a bot.</summary>
    public const string ChannelTokenIssuer = "https://api.botframework.com";

    /// <summary>OpenID metadata whose <c>jwks_uri</c> publishes the channel service's signing keys.</summary>
    public const string BotFrameworkOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for tokens issued by Microsoft Entra (emulator and single-tenant callers).</summary>
    public const string EntraOpenIdMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Issuer of an Entra version 1.0 token; <c>{0}</c> is the tenant id.</summary>
    public const string EntraV1IssuerTemplate = "https://sts.windows.net/{0}/";

    /// <summary>Issuer of an Entra version 2.0 token; <c>{0}</c> is the tenant id.</summary>
    public const string EntraV2IssuerTemplate = "https://login.microsoftonline.com/{0}/v2.0";

    /// <summary>Issuers the Bot Framework Emulator's tokens carry (Auth v3.1, v3.2 and US Government).</summary>
    public static IReadOnlyList<string> EmulatorTokenIssuers { get; } =
    [
        "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/",
        "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0",
        "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/",
        "https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0",
        "https://sts.windows.net/cab8a31a-1906-4287-a0d8-4eef66b95f6e/",
        "https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0",
    ];

    /// <summary>The only signing algorithms accepted on inbound tokens.</summary>
    public static IReadOnlyList<string> AllowedSigningAlgorithms { get; } = ["RS256", "RS384", "RS512"];

    /// <summary>Tolerance applied to <c>nbf</c> and <c>exp</c>.</summary>
    public static TimeSpan ClockSkew { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Signing keys are fetched again when they are older than this.</summary>
    public static TimeSpan SigningKeysMaximumAge { get; } = TimeSpan.FromDays(1);

    /// <summary>Signing keys are never fetched more often than this, whatever <c>kid</c> a token names.</summary>
    public static TimeSpan SigningKeysMinimumRefreshInterval { get; } = TimeSpan.FromHours(1);

    public const string AudienceClaim = "aud";
    public const string AppIdClaim = "appid";
    public const string AuthorizedPartyClaim = "azp";
    public const string VersionClaim = "ver";
    public const string ServiceUrlClaim = "serviceurl";
    public const string EndorsementsProperty = "endorsements";

    /// <summary>Where the bot obtains its own tokens (client credentials).</summary>
    public const string LoginBaseUrl = "https://login.microsoftonline.com";

    /// <summary>The token tenant for multi-tenant bots.</summary>
    public const string MultiTenantAuthority = "botframework.com";

    /// <summary>The scope requested for tokens the bot sends to the channel service.</summary>
    public const string ChannelScope = "https://api.botframework.com/.default";

    /// <summary>A cached outbound token is replaced this long before it expires.</summary>
    public static TimeSpan AccessTokenRefreshMargin { get; } = TimeSpan.FromMinutes(5);
}
