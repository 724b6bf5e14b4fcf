using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// The signing keys published through one OpenID metadata document (metadata → <c>jwks_uri</c> → JWKS).
/// Keys are fetched on first use and again once they are a day old; a token naming an unknown <c>kid</c>
/// triggers a fetch too. Fetches never happen more than once an hour while keys are held, and a failed
/// fetch keeps the keys already held. While none has succeeded yet, a failed fetch is not tried again for 30 seconds:
/// a stream of forged tokens cannot turn into a stream of lookups. With <paramref name="requireHttps"/>, the metadata
/// and its <c>jwks_uri</c> must be https addresses.
/// </summary>
internal sealed class OpenIdMetadataKeyCache(
    IHttpClientFactory httpClientFactory,
    string httpClientName,
    string metadataUrl,
    bool requireHttps,
    TimeProvider timeProvider,
    ILogger logger)
{
    private readonly SemaphoreSlim _fetchLock = new(1, 1);
    private SigningKeySet? _keys;
    private DateTimeOffset _lastFetchAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset _lastSuccessfulFetch = DateTimeOffset.MinValue;

    public string MetadataUrl { get; } = metadataUrl;

    /// <summary>The current keys, fetched first when they are missing, stale, or lack <paramref name="keyId"/>.</summary>
    /// <exception cref="InvalidOperationException">No keys are held and the fetch failed, now or less than 30 seconds ago.</exception>
    public async Task<SigningKeySet> GetKeysAsync(string? keyId, CancellationToken cancellationToken)
    {
        var held = Volatile.Read(ref _keys);
        if (held is not null && !ShouldFetch(held, keyId))
        {
            return held;
        }

        ThrowIfFailedRecently(held);
        await _fetchLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            held = _keys;
            if (held is not null && !ShouldFetch(held, keyId))
            {
                return held;
            }

            ThrowIfFailedRecently(held);

            return await FetchAsync(held, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _fetchLock.Release();
        }
    }

    private bool ShouldFetch(SigningKeySet held, string? keyId)
    {
        var now = timeProvider.GetUtcNow();
        if (now - _lastFetchAttempt < BotFrameworkAuthenticationConstants.SigningKeysMinimumRefreshInterval)
        {
            return false;
        }

        return now - _lastSuccessfulFetch >= BotFrameworkAuthenticationConstants.SigningKeysMaximumAge
            || (keyId is not null && !held.ContainsKey(keyId));
    }

    private void ThrowIfFailedRecently(SigningKeySet? held)
    {
        var sinceAttempt = timeProvider.GetUtcNow() - _lastFetchAttempt;
        if (held is null && sinceAttempt < BotFrameworkAuthenticationConstants.SigningKeysFailedFetchRetryInterval)
        {
            throw new InvalidOperationException(
                $"Signing keys from {MetadataUrl} could not be fetched {sinceAttempt.TotalSeconds:0} s ago; not trying again yet.");
        }
    }

    private async Task<SigningKeySet> FetchAsync(SigningKeySet? held, CancellationToken cancellationToken)
    {
        var attemptedAt = timeProvider.GetUtcNow();
        _lastFetchAttempt = attemptedAt;
        try
        {
            var client = httpClientFactory.CreateClient(httpClientName);
            var metadataJson = await GetStringAsync(client, CheckScheme(MetadataUrl, "OpenID metadata URL"), cancellationToken).ConfigureAwait(false);
            var jwksUri = CheckScheme(ReadJwksUri(metadataJson), "jwks_uri");
            var jwksJson = await GetStringAsync(client, jwksUri, cancellationToken).ConfigureAwait(false);
            var keys = JsonWebKeySetReader.Read(jwksJson);
            Volatile.Write(ref _keys, keys);
            _lastSuccessfulFetch = attemptedAt;
            logger.LogInformation("Fetched {KeyCount} signing keys from {MetadataUrl}", keys.Keys.Count, MetadataUrl);
            return keys;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidDataException or JsonException
            or ArgumentException or InvalidOperationException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            if (held is not null)
            {
                logger.LogWarning(exception, "Could not refresh signing keys from {MetadataUrl}; keeping the keys already held", MetadataUrl);
                return held;
            }

            throw new InvalidOperationException($"Could not fetch signing keys from {MetadataUrl}: {exception.Message}", exception);
        }
    }

    private string CheckScheme(string url, string what)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new InvalidDataException($"The {what} '{url}' is not an absolute http(s) address.");
        }

        if (requireHttps && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidDataException($"The {what} '{url}' is not https; signing keys are fetched over https only.");
        }

        return url;
    }

    private static async Task<string> GetStringAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(url, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidDataException($"GET {url} answered {(int)response.StatusCode} ({response.StatusCode}).");
        }

        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string ReadJwksUri(string metadataJson)
    {
        using var document = JsonDocument.Parse(metadataJson);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("jwks_uri", out var uri)
            && uri.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(uri.GetString()))
        {
            return uri.GetString()!;
        }

        throw new InvalidDataException("The OpenID metadata document has no 'jwks_uri'.");
    }
}
