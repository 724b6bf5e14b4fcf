using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>
/// A fake Bot Framework and Entra identity provider: OpenID metadata and JWKS served by a fake handler, keys to
/// sign tokens with, and a clock far from the real one so only the injected time can make tokens valid.
/// </summary>
internal sealed class ChannelAuthenticationTestBed
{
    public const string AppId = "5c0a7d1e-3f0b-4c59-9a51-2b7f0c1d2e3f";
    public const string TenantId = "8d2e1f4a-6b3c-4d5e-9f0a-1b2c3d4e5f60";
    public const string OtherTenantId = "0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public const string BotFrameworkMetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string BotFrameworkKeysUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string EntraMetadataUrl = "https://login.entra.test/common/v2.0/.well-known/openid-configuration";
    public const string EntraKeysUrl = "https://login.entra.test/common/discovery/v2.0/keys";

    public static readonly DateTimeOffset Start = new(2031, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public ChannelAuthenticationTestBed()
    {
        Handler.RespondJson(BotFrameworkMetadataUrl, () => Metadata("https://api.botframework.com", BotFrameworkKeysUrl));
        Handler.RespondJson(BotFrameworkKeysUrl, () => TestSigningKey.JwksJson(ChannelKeys));
        Handler.RespondJson(EntraMetadataUrl, () => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", EntraKeysUrl));
        Handler.RespondJson(EntraKeysUrl, () => TestSigningKey.JwksJson(EntraKeys));
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeHttpMessageHandler Handler { get; } = new();

    public TestSigningKey ChannelKey { get; } = new("bf-key-1", ["msteams", "skype"]);

    public TestSigningKey EntraKey { get; } = new("entra-key-1");

    /// <summary>Keys published in the Bot Framework JWKS; change it to simulate rotation.</summary>
    public List<TestSigningKey> ChannelKeys { get; } = [];

    public List<TestSigningKey> EntraKeys { get; } = [];

    /// <param name="useCloudEndpoints">Keep the cloud's own metadata addresses (the test answers them) instead of the test bed's.</param>
    public ChannelRequestAuthenticator CreateAuthenticator(BotCredentialsOptions? credentials = null, bool useCloudEndpoints = false)
    {
        if (ChannelKeys.Count == 0)
        {
            ChannelKeys.Add(ChannelKey);
        }

        if (EntraKeys.Count == 0)
        {
            EntraKeys.Add(EntraKey);
        }

        return new ChannelRequestAuthenticator(
            Options.Create(credentials ?? new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppTenantId = TenantId }),
            Options.Create(useCloudEndpoints
                ? new ChannelAuthenticationOptions()
                : new ChannelAuthenticationOptions { BotFrameworkOpenIdMetadataUrl = BotFrameworkMetadataUrl, EntraOpenIdMetadataUrl = EntraMetadataUrl }),
            new FakeHttpClientFactory(Handler),
            Time,
            NullLogger<ChannelRequestAuthenticator>.Instance);
    }

    /// <summary>A descriptor for a valid channel token at the current fake time.</summary>
    public SecurityTokenDescriptor ChannelToken()
    {
        var now = Time.GetUtcNow().UtcDateTime;
        return new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        };
    }

    /// <summary>A descriptor for a valid Entra token (version 2.0 unless told) from <paramref name="tenantId"/>, issued to this bot for this bot (as the emulator's).</summary>
    public SecurityTokenDescriptor EntraToken(string tenantId, string version = "2.0")
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var appIdClaim = version == "2.0" ? "azp" : "appid";
        return new SecurityTokenDescriptor
        {
            Issuer = version == "2.0"
                ? $"https://login.microsoftonline.com/{tenantId}/v2.0"
                : $"https://sts.windows.net/{tenantId}/",
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["ver"] = version, [appIdClaim] = AppId, ["tid"] = tenantId },
        };
    }

    public static string Sign(SecurityTokenDescriptor descriptor, SigningCredentials credentials)
    {
        descriptor.SigningCredentials = credentials;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given payload.</summary>
    public static string Unsigned(SecurityTokenDescriptor descriptor, string keyId)
    {
        var payload = new Dictionary<string, object>(descriptor.Claims)
        {
            ["iss"] = descriptor.Issuer,
            ["aud"] = descriptor.Audience,
            ["nbf"] = new DateTimeOffset(descriptor.NotBefore!.Value).ToUnixTimeSeconds(),
            ["exp"] = new DateTimeOffset(descriptor.Expires!.Value).ToUnixTimeSeconds(),
        };
        var header = new Dictionary<string, object> { ["alg"] = "none", ["typ"] = "JWT", ["kid"] = keyId };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    public static string Bearer(string token) => "Bearer " + token;

    private static string Encode(object value) =>
        Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private static string Metadata(string issuer, string jwksUri) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = jwksUri,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
}
