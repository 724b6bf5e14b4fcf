using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// The bot's own token for Bot Connector calls, obtained and cached by MSAL (Microsoft.Identity.Client) for the scope
/// of the configured cloud: by the client-credentials grant with a client secret or a certificate, from the bot's
/// tenant (single-tenant) or the Bot Framework's tenant of that cloud (multi-tenant); or from the host's user-assigned
/// managed identity. MSAL reuses a token until shortly before it expires; concurrent callers share one request.
/// Returns <c>null</c> in anonymous mode.
/// </summary>
public sealed class BotAccessTokenProvider : IBotAccessTokenProvider, IDisposable
{
    /// <summary>Name of the <see cref="HttpClient"/> MSAL uses for token requests.</summary>
    public const string HttpClientName = "OpinionBot.BotFramework.TokenEndpoint";

    private readonly BotCredentialsOptions _credentials;
    private readonly IMsalHttpClientFactory _httpClients;
    private readonly ILogger<BotAccessTokenProvider> _logger;
    private readonly SemaphoreSlim _requestLock = new(1, 1);
    private Func<CancellationToken, Task<AuthenticationResult>>? _acquire;

    public BotAccessTokenProvider(
        IOptions<BotCredentialsOptions> credentials,
        IHttpClientFactory httpClientFactory,
        ILogger<BotAccessTokenProvider> logger)
    {
        _credentials = credentials.Value;
        _httpClients = new MsalHttpClientFactory(httpClientFactory, HttpClientName);
        _logger = logger;
    }

    /// <summary>The cloud's Bot Connector scope the token is asked for.</summary>
    public string Scope => _credentials.CloudEndpoints.ChannelScope;

    /// <summary>The token endpoint a secret or certificate is presented to; <c>null</c> for a managed identity or without app id.</summary>
    public Uri? TokenEndpoint =>
        _credentials.HasAppId && !_credentials.IsManagedIdentity && _credentials.TokenTenant.Length > 0
            ? _credentials.CloudEndpoints.TokenEndpointFor(_credentials.TokenTenant)
            : null;

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_credentials.IsAnonymous)
        {
            return null;
        }

        await _requestLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _acquire ??= CreateAcquirer();
            var result = await _acquire(cancellationToken).ConfigureAwait(false);
            if (result.AuthenticationResultMetadata?.TokenSource != TokenSource.Cache)
            {
                _logger.LogInformation("Obtained a bot access token for {Scope}, valid until {ExpiresOn:u}", Scope, result.ExpiresOn);
            }

            return result.AccessToken;
        }
        catch (MsalServiceException exception)
        {
            throw new BotAuthenticationException(
                $"Token request to {Source} failed with status {exception.StatusCode}: {exception.ErrorCode}.", exception);
        }
        catch (MsalException exception)
        {
            throw new BotAuthenticationException($"Token request to {Source} failed: {exception.ErrorCode}.", exception);
        }
        finally
        {
            _requestLock.Release();
        }
    }

    public void Dispose() => _requestLock.Dispose();

    private string Source => TokenEndpoint?.ToString() ?? "the managed identity endpoint";

    private Func<CancellationToken, Task<AuthenticationResult>> CreateAcquirer()
    {
        if (_credentials.TokenTenant.Length == 0)
        {
            throw new BotAuthenticationException(
                $"Bot:MicrosoftAppTenantId is required when Bot:MicrosoftAppType is {_credentials.AppType}.");
        }

        var cloud = _credentials.CloudEndpoints;
        if (_credentials.IsManagedIdentity)
        {
            var identity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_credentials.MicrosoftAppId.Trim()))
                .WithHttpClientFactory(_httpClients)
                .Build();
            return cancellationToken => identity.AcquireTokenForManagedIdentity(cloud.ChannelAudience).ExecuteAsync(cancellationToken);
        }

        var builder = ConfidentialClientApplicationBuilder
            .Create(_credentials.MicrosoftAppId.Trim())
            .WithAuthority(cloud.AuthorityFor(_credentials.TokenTenant))
            .WithHttpClientFactory(_httpClients);
        builder = _credentials.UsesCertificate
            ? builder.WithCertificate(BotCertificate.Load(_credentials))
            : builder.WithClientSecret(_credentials.MicrosoftAppPassword);
        var application = builder.Build();
        string[] scopes = [cloud.ChannelScope];
        return cancellationToken => application.AcquireTokenForClient(scopes).ExecuteAsync(cancellationToken);
    }
}
