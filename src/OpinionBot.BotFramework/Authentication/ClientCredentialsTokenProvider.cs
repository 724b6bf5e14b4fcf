using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// Obtains the bot's own token by the OAuth 2.0 client-credentials grant for scope
/// <c>https://api.botframework.com/.default</c>, from tenant <c>botframework.com</c> (multi-tenant bots) or the bot's
/// own tenant (single-tenant bots). The token is reused until five minutes before it expires; concurrent callers
/// share one request. Returns <c>null</c> in anonymous mode.
/// </summary>
public sealed class ClientCredentialsTokenProvider : IBotAccessTokenProvider, IDisposable
{
    /// <summary>Name of the <see cref="HttpClient"/> used for token requests.</summary>
    public const string HttpClientName = "OpinionBot.BotFramework.TokenEndpoint";

    private readonly BotCredentialsOptions _credentials;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ClientCredentialsTokenProvider> _logger;
    private readonly SemaphoreSlim _requestLock = new(1, 1);
    private CachedAccessToken? _cached;

    public ClientCredentialsTokenProvider(
        IOptions<BotCredentialsOptions> credentials,
        IOptions<ClientCredentialsTokenOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ClientCredentialsTokenProvider> logger)
    {
        _credentials = credentials.Value;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _logger = logger;
        TokenEndpoint = new Uri(string.Format(
            CultureInfo.InvariantCulture,
            "{0}/{1}/oauth2/v2.0/token",
            options.Value.LoginBaseUrl.TrimEnd('/'),
            Uri.EscapeDataString(Tenant(_credentials))));
    }

    /// <summary>The token endpoint this provider posts to.</summary>
    public Uri TokenEndpoint { get; }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_credentials.IsAnonymous)
        {
            return null;
        }

        if (_credentials.IsSingleTenant && string.IsNullOrWhiteSpace(_credentials.MicrosoftAppTenantId))
        {
            throw new BotAuthenticationException("Bot:MicrosoftAppTenantId is required when Bot:MicrosoftAppType is SingleTenant.");
        }

        if (Volatile.Read(ref _cached) is { } cached && IsFresh(cached))
        {
            return cached.AccessToken;
        }

        await _requestLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_cached is { } current && IsFresh(current))
            {
                return current.AccessToken;
            }

            var requestedAt = _timeProvider.GetUtcNow();
            var response = await RequestTokenAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _cached, new CachedAccessToken(response.AccessToken, requestedAt + response.ExpiresIn));
            _logger.LogInformation("Obtained a bot access token valid for {ExpiresIn}", response.ExpiresIn);
            return response.AccessToken;
        }
        finally
        {
            _requestLock.Release();
        }
    }

    public void Dispose() => _requestLock.Dispose();

    private bool IsFresh(CachedAccessToken token) =>
        _timeProvider.GetUtcNow() < token.ExpiresAt - BotFrameworkAuthenticationConstants.AccessTokenRefreshMargin;

    private async Task<AccessTokenResponse> RequestTokenAsync(CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _credentials.MicrosoftAppId,
            ["client_secret"] = _credentials.MicrosoftAppPassword,
            ["scope"] = BotFrameworkAuthenticationConstants.ChannelScope,
        });

        var client = _httpClientFactory.CreateClient(HttpClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(TokenEndpoint, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new BotAuthenticationException($"Token request to {TokenEndpoint} failed: {exception.Message}", exception);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = AccessTokenResponse.TryReadError(body);
                throw new BotAuthenticationException(
                    $"Token request to {TokenEndpoint} failed with status {(int)response.StatusCode} ({response.StatusCode})"
                    + (error is null ? "." : $": {error}."));
            }

            try
            {
                return AccessTokenResponse.Parse(body);
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException)
            {
                throw new BotAuthenticationException(
                    $"Token response from {TokenEndpoint} (status {(int)response.StatusCode}) is unusable: {exception.Message}", exception);
            }
        }
    }

    private static string Tenant(BotCredentialsOptions credentials) =>
        credentials.IsSingleTenant && !string.IsNullOrWhiteSpace(credentials.MicrosoftAppTenantId)
            ? credentials.MicrosoftAppTenantId.Trim()
            : BotFrameworkAuthenticationConstants.MultiTenantAuthority;
}
