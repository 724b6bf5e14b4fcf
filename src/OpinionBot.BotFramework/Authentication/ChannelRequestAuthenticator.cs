using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token sent with each inbound activity. The token's (unverified) issuer picks the path:
/// <c>https://api.botframework.com</c> → a channel token checked against the Bot Framework signing keys, endorsements,
/// <c>aud</c> and <c>serviceurl</c>; an accepted Entra issuer → an emulator or single-tenant token checked against
/// the Entra signing keys and the <c>appid</c>/<c>azp</c> claim. Anything else is refused without a signature check.
/// </summary>
public sealed class ChannelRequestAuthenticator : IChannelRequestAuthenticator
{
    /// <summary>Name of the <see cref="HttpClient"/> used to fetch OpenID metadata and signing keys.</summary>
    public const string HttpClientName = "OpinionBot.BotFramework.OpenIdMetadata";

    private readonly BotCredentialsOptions _credentials;
    private readonly ILogger<ChannelRequestAuthenticator> _logger;
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
        _entraIssuers = EntraIssuers(_credentials);

        var channelKeys = new OpenIdMetadataKeyCache(
            httpClientFactory, HttpClientName, options.Value.BotFrameworkOpenIdMetadataUrl, timeProvider, logger);
        var entraKeys = new OpenIdMetadataKeyCache(
            httpClientFactory, HttpClientName, options.Value.EntraOpenIdMetadataUrl, timeProvider, logger);
        _channelTokenVerifier = new SignedTokenVerifier(
            channelKeys, [BotFrameworkAuthenticationConstants.ChannelTokenIssuer], requireEndorsedKey: true, timeProvider, logger);
        _entraTokenVerifier = new SignedTokenVerifier(
            entraKeys, _entraIssuers, requireEndorsedKey: false, timeProvider, logger);
    }

    public async Task<ChannelAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, string channelId, string serviceUrl, CancellationToken cancellationToken)
    {
        if (_credentials.IsAnonymous)
        {
            return ChannelAuthenticationResult.Anonymous;
        }

        var result = await AuthenticateTokenAsync(authorizationHeader, channelId, serviceUrl, cancellationToken)
            .ConfigureAwait(false);
        if (!result.IsAuthenticated)
        {
            _logger.LogWarning("Refused inbound request for channel {ChannelId}: {Reason}", channelId, result.FailureReason);
        }

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

        if (string.Equals(unverified.Issuer, BotFrameworkAuthenticationConstants.ChannelTokenIssuer, StringComparison.Ordinal))
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

    private static HashSet<string> EntraIssuers(BotCredentialsOptions credentials)
    {
        var issuers = new HashSet<string>(BotFrameworkAuthenticationConstants.EmulatorTokenIssuers, StringComparer.Ordinal);
        if (credentials.IsSingleTenant && !string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId))
        {
            var tenant = credentials.MicrosoftAppTenantId.Trim();
            issuers.Add(string.Format(CultureInfo.InvariantCulture, BotFrameworkAuthenticationConstants.EntraV1IssuerTemplate, tenant));
            issuers.Add(string.Format(CultureInfo.InvariantCulture, BotFrameworkAuthenticationConstants.EntraV2IssuerTemplate, tenant));
        }

        return issuers;
    }
}
