using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token sent with each inbound activity, for the configured <see cref="BotCloud"/>. The token's
/// (unverified) issuer picks the path: the cloud's channel issuer → a channel token checked against the Bot Framework
/// signing keys, endorsements, <c>aud</c> and <c>serviceurl</c>. Only with <c>Bot:AllowEmulatorTokens</c> (Development):
/// an emulator (or the bot's own tenant's) Entra issuer → a token checked against the Entra signing keys, <c>aud</c>
/// (this bot) and the <c>appid</c>/<c>azp</c> claim (this bot). Anything else is refused without a signature check.
/// Without an app id, requests pass only when <c>Bot:AllowAnonymous</c> (or Development) allows it.
/// </summary>
public sealed class ChannelRequestAuthenticator : IChannelRequestAuthenticator
{
    /// <summary>Name of the <see cref="HttpClient"/> used to fetch OpenID metadata and signing keys.</summary>
    public const string HttpClientName = "OpinionBot.BotFramework.OpenIdMetadata";

    private readonly BotCredentialsOptions _credentials;
    private readonly ILogger<ChannelRequestAuthenticator> _logger;
    private readonly BotCloud _cloud;
    private readonly HashSet<string> _entraIssuers;
    private readonly SignedTokenVerifier _channelTokenVerifier;
    private readonly SignedTokenVerifier _entraTokenVerifier;

    public ChannelRequestAuthenticator(
        IOptions<BotCredentialsOptions> credentials,
        IOptions<ChannelAuthenticationOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ChannelRequestAuthenticator> logger)
    {
        _credentials = credentials.Value;
        _logger = logger;
        _cloud = _credentials.CloudEndpoints;
        _entraIssuers = EntraIssuers(_credentials, _cloud);

        var endpoints = options.Value;
        var channelKeys = new OpenIdMetadataKeyCache(
            httpClientFactory, HttpClientName, OrDefault(endpoints.BotFrameworkOpenIdMetadataUrl, _cloud.ChannelOpenIdMetadataUrl),
            endpoints.RequireHttpsMetadata, timeProvider, logger);
        var entraKeys = new OpenIdMetadataKeyCache(
            httpClientFactory, HttpClientName, OrDefault(endpoints.EntraOpenIdMetadataUrl, _cloud.EmulatorOpenIdMetadataUrl),
            endpoints.RequireHttpsMetadata, timeProvider, logger);
        _channelTokenVerifier = new SignedTokenVerifier(
            channelKeys, [_cloud.ChannelTokenIssuer], requireEndorsedKey: true, timeProvider, logger);
        _entraTokenVerifier = new SignedTokenVerifier(
            entraKeys, _entraIssuers, requireEndorsedKey: false, timeProvider, logger);
    }

    /// <summary>The channel-service metadata address in use (the cloud's unless overridden).</summary>
    public string ChannelOpenIdMetadataUrl => _channelTokenVerifier.MetadataUrl;

    /// <summary>The emulator metadata address in use (the cloud's unless overridden).</summary>
    public string EmulatorOpenIdMetadataUrl => _entraTokenVerifier.MetadataUrl;

    public async Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (_credentials.IsAnonymous)
        {
            return _credentials.AllowAnonymous
                ? ChannelAuthenticationResult.Anonymous
                : Refuse(channelId, ChannelAuthenticationResult.Failure("no app id is configured and anonymous requests are not allowed"));
        }

        var result = await AuthenticateTokenAsync(authorizationHeader, channelId, serviceUrl, cancellationToken)
            .ConfigureAwait(false);
        return result.IsAuthenticated ? result : Refuse(channelId, result);
    }

    private ChannelAuthenticationResult Refuse(string channelId, ChannelAuthenticationResult result)
    {
        _logger.LogWarning("Refused inbound request for channel {ChannelId}: {Reason}", channelId, result.FailureReason);
        return result;
    }

    private async Task<ChannelAuthenticationResult> AuthenticateTokenAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return ChannelAuthenticationResult.Failure("missing Authorization header");
        }

        if (!BearerTokenHeader.TryGetToken(authorizationHeader, out var token))
        {
            return ChannelAuthenticationResult.Failure("Authorization header is not a Bearer token");
        }

        var unverified = TryRead(token);
        if (unverified is null)
        {
            return ChannelAuthenticationResult.Failure("malformed token");
        }

        if (string.Equals(unverified.Issuer, _cloud.ChannelTokenIssuer, StringComparison.Ordinal))
        {
            var verified = await _channelTokenVerifier.VerifyAsync(token, unverified, channelId, cancellationToken)
                .ConfigureAwait(false);
            return Then(verified, identity => ChannelTokenClaimsCheck.FindProblem(identity, _credentials.MicrosoftAppId, serviceUrl));
        }

        if (_entraIssuers.Contains(unverified.Issuer))
        {
            var verified = await _entraTokenVerifier.VerifyAsync(token, unverified, channelId, cancellationToken)
                .ConfigureAwait(false);
            return Then(verified, identity => EntraTokenClaimsCheck.FindProblem(identity, _credentials.MicrosoftAppId));
        }

        return ChannelAuthenticationResult.Failure("untrusted issuer");
    }

    private static ChannelAuthenticationResult Then(
        ChannelAuthenticationResult verified, Func<ClaimsIdentity, string?> findProblem)
    {
        if (!verified.IsAuthenticated || verified.Identity is null)
        {
            return verified;
        }

        var problem = findProblem(verified.Identity);
        return problem is null ? verified : ChannelAuthenticationResult.Failure(problem);
    }

    private static JsonWebToken? TryRead(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);

            // Reading the issuer parses the payload: a payload that is not a JSON object is refused here.
            return jwt.IsEncrypted || string.IsNullOrEmpty(jwt.Issuer) ? null : jwt;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string OrDefault(string? configured, string cloudDefault) =>
        string.IsNullOrWhiteSpace(configured) ? cloudDefault : configured;

    /// <summary>The Entra issuers accepted: none unless emulator tokens are allowed; then the cloud's emulator issuers and a single-tenant bot's own tenant.</summary>
    private static HashSet<string> EntraIssuers(BotCredentialsOptions credentials, BotCloud cloud)
    {
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        if (!credentials.AllowEmulatorTokens)
        {
            return issuers;
        }

        issuers.UnionWith(cloud.EmulatorTokenIssuers);
        if ((credentials.IsSingleTenant || credentials.IsManagedIdentity) && !string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
        {
            issuers.UnionWith(cloud.EntraIssuersOf(credentials.MicrosoftAppTenantId.Trim()));
        }

        return issuers;
    }
}
