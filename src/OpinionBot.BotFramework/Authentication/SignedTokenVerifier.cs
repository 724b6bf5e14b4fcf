using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Checks what every inbound token must satisfy whatever its source: an allowed RSA algorithm, a signature by a
/// published key, one of the expected issuers, a lifetime within the clock skew, and the signing key's endorsements.
/// </summary>
/// <param name="requireEndorsedKey">
/// True for channel tokens: the signing key must carry endorsements. Keys published for Entra tokens carry none,
/// and are checked only when they do.
/// </param>
internal sealed class SignedTokenVerifier(
    OpenIdMetadataKeyCache keyCache,
    IReadOnlyCollection<string> validIssuers,
    bool requireEndorsedKey,
    TimeProvider timeProvider,
    ILogger logger)
{
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly TimeProviderLifetimeCheck _lifetimeCheck = new(timeProvider);

    public string MetadataUrl => keyCache.MetadataUrl;

    public async Task<ChannelAuthenticationResult> VerifyAsync(
        string token, JsonWebToken unverified, string channelId, CancellationToken cancellationToken)
    {
        if (!BotFrameworkAuthenticationConstants.AllowedSigningAlgorithms.Contains(unverified.Alg, StringComparer.Ordinal))
        {
            return ChannelAuthenticationResult.Failure("signing algorithm not allowed");
        }

        SigningKeySet keys;
        try
        {
            keys = await keyCache.GetKeysAsync(string.IsNullOrEmpty(unverified.Kid) ? null : unverified.Kid, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            logger.LogWarning(exception, "No signing keys available from {MetadataUrl}", keyCache.MetadataUrl);
            return ChannelAuthenticationResult.Failure("signing keys unavailable");
        }

        var result = await Handler.ValidateTokenAsync(token, CreateParameters(keys)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            logger.LogDebug(result.Exception, "Token validation failed");
            return ChannelAuthenticationResult.Failure(TokenValidationFailureReason.Describe(result.Exception));
        }

        var signingKeyId = result.SecurityToken.SigningKey?.KeyId;
        var endorsements = keys.EndorsementsOf(signingKeyId);
        if (endorsements is null)
        {
            return requireEndorsedKey
                ? ChannelAuthenticationResult.Failure("signing key has no endorsements")
                : ChannelAuthenticationResult.Success(result.ClaimsIdentity);
        }

        return EndorsementCheck.IsEndorsed(channelId, endorsements)
            ? ChannelAuthenticationResult.Success(result.ClaimsIdentity)
            : ChannelAuthenticationResult.Failure("signing key not endorsed for channel");
    }

    private TokenValidationParameters CreateParameters(SigningKeySet keys) => new()
    {
        ValidateIssuer = true,
        ValidIssuers = validIssuers,
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = BotFrameworkAuthenticationConstants.ClockSkew,
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = keys.Keys,
        ValidAlgorithms = BotFrameworkAuthenticationConstants.AllowedSigningAlgorithms,
        LifetimeValidator = _lifetimeCheck.Validate,
    };
}
