using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>The bot's own token through MSAL: secret, certificate (file or store) or managed identity, per cloud; HTTP faked.</summary>
public sealed class BotAccessTokenProviderTests : IDisposable
{
    private const string AppId = "5c0a7d1e-3f0b-4c59-9a51-2b7f0c1d2e3f";
    private const string Password = "s3cret&value=with+chars";
    private const string TenantId = "8d2e1f4a-6b3c-4d5e-9f0a-1b2c3d4e5f60";
    private const string MultiTenantEndpoint = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";
    private const string SingleTenantEndpoint = "https://login.microsoftonline.com/" + TenantId + "/oauth2/v2.0/token";
    private const string ClientAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private readonly FakeHttpMessageHandler _handler = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "opinionbot-token-tests", Guid.NewGuid().ToString("N"));
    private int _issued;

    private static BotCredentialsOptions MultiTenant => new() { MicrosoftAppId = AppId, MicrosoftAppPassword = Password, MicrosoftAppType = "MultiTenant" };

    private static BotCredentialsOptions SingleTenant => new() { MicrosoftAppId = AppId, MicrosoftAppPassword = Password, MicrosoftAppTenantId = TenantId };

    private BotAccessTokenProvider CreateProvider(BotCredentialsOptions credentials) =>
        new(Options.Create(credentials), new FakeHttpClientFactory(_handler), NullLogger<BotAccessTokenProvider>.Instance);

    private void IssueTokens(string endpoint, int expiresInSeconds = 3600) =>
        _handler.RespondJson(endpoint, () =>
            $$"""{"token_type":"Bearer","expires_in":{{expiresInSeconds}},"ext_expires_in":{{expiresInSeconds}},"access_token":"token-{{Interlocked.Increment(ref _issued)}}"}""");

    private List<RecordedRequest> TokenRequests(string endpoint) => _handler.Requests.Where(r => r.Url == endpoint).ToList();

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts[1].Replace('+', ' ')));

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    [Fact]
    public async Task Anonymous_mode_has_no_token()
    {
        var provider = CreateProvider(new BotCredentialsOptions());

        Assert.Null(await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Multi_tenant_asks_the_botframework_tenant_with_the_client_secret()
    {
        IssueTokens(MultiTenantEndpoint);

        var token = await CreateProvider(MultiTenant).GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var request = Assert.Single(TokenRequests(MultiTenantEndpoint));
        Assert.Equal(HttpMethod.Post, request.Method);
        var form = ParseForm(request.Body!);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal(Password, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Single_tenant_is_the_default_and_asks_the_bots_own_tenant()
    {
        IssueTokens(SingleTenantEndpoint);
        var provider = CreateProvider(SingleTenant);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(SingleTenantEndpoint, provider.TokenEndpoint?.ToString());
        Assert.Single(TokenRequests(SingleTenantEndpoint));
    }

    [Fact]
    public async Task Single_tenant_without_tenant_id_fails_clearly()
    {
        var credentials = SingleTenant;
        credentials.MicrosoftAppTenantId = "";

        var error = await Assert.ThrowsAsync<BotAuthenticationException>(
            () => CreateProvider(credentials).GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains("MicrosoftAppTenantId", error.Message);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task The_token_is_reused_while_it_is_valid()
    {
        IssueTokens(SingleTenantEndpoint, expiresInSeconds: 3600);
        var provider = CreateProvider(SingleTenant);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));

        Assert.Single(TokenRequests(SingleTenantEndpoint));
    }

    [Fact]
    public async Task A_token_within_five_minutes_of_expiry_is_not_reused()
    {
        IssueTokens(SingleTenantEndpoint, expiresInSeconds: 240);
        var provider = CreateProvider(SingleTenant);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal("token-2", await provider.GetAccessTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond(SingleTenantEndpoint, async _ =>
        {
            await release.Task;
            return FakeHttpMessageHandler.JsonResponse("""{"token_type":"Bearer","expires_in":3600,"access_token":"shared"}""");
        });
        var provider = CreateProvider(SingleTenant);

        var callers = Enumerable.Range(0, 8).Select(_ => provider.GetAccessTokenAsync(CancellationToken.None)).ToArray();
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("shared", token));
        Assert.Single(TokenRequests(SingleTenantEndpoint));
    }

    [Fact]
    public async Task A_refused_secret_throws_naming_the_status_and_error_but_not_the_secret()
    {
        _handler.RespondJson(
            SingleTenantEndpoint,
            () => """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided.","error_codes":[7000215]}""",
            HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<BotAuthenticationException>(
            () => CreateProvider(SingleTenant).GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains("401", error.Message);
        Assert.Contains("invalid_client", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        _handler.RespondJson(SingleTenantEndpoint, () => """{"error":"invalid_client"}""", HttpStatusCode.BadRequest);
        var provider = CreateProvider(SingleTenant);
        await Assert.ThrowsAsync<BotAuthenticationException>(() => provider.GetAccessTokenAsync(CancellationToken.None));

        IssueTokens(SingleTenantEndpoint);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task China_asks_the_21Vianet_authority_for_the_China_bot_connector_scope()
    {
        const string chinaEndpoint = "https://login.partner.microsoftonline.cn/" + TenantId + "/oauth2/v2.0/token";
        IssueTokens(chinaEndpoint);
        var credentials = SingleTenant;
        credentials.Cloud = "China";
        var provider = CreateProvider(credentials);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(chinaEndpoint, provider.TokenEndpoint?.ToString());
        var form = ParseForm(Assert.Single(TokenRequests(chinaEndpoint)).Body!);
        Assert.Equal("https://api.botframework.azure.cn/.default", form["scope"]);
    }

    [Fact]
    public async Task A_certificate_file_signs_a_client_assertion_instead_of_a_secret()
    {
        using var certificate = CreateCertificate();
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "bot.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "pfx-password"));
        IssueTokens(SingleTenantEndpoint);
        var credentials = new BotCredentialsOptions
        {
            MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, CertificatePath = path, CertificatePassword = "pfx-password",
        };

        Assert.Equal("token-1", await CreateProvider(credentials).GetAccessTokenAsync(CancellationToken.None));

        await AssertSignedAssertionAsync(Assert.Single(TokenRequests(SingleTenantEndpoint)), certificate);
    }

    [Fact]
    public async Task A_certificate_from_the_store_is_found_by_its_thumbprint()
    {
        using var created = CreateCertificate();
        using var certificate = X509CertificateLoader.LoadPkcs12(
            created.Export(X509ContentType.Pfx, ""), "", X509KeyStorageFlags.PersistKeySet | X509KeyStorageFlags.Exportable);
        using var store = new X509Store(StoreName.My, StoreLocation.CurrentUser);
        store.Open(OpenFlags.ReadWrite);
        store.Add(certificate);
        try
        {
            IssueTokens(SingleTenantEndpoint);
            var credentials = new BotCredentialsOptions
            {
                MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, CertificateThumbprint = certificate.Thumbprint.ToLowerInvariant(),
            };

            Assert.Equal("token-1", await CreateProvider(credentials).GetAccessTokenAsync(CancellationToken.None));

            await AssertSignedAssertionAsync(Assert.Single(TokenRequests(SingleTenantEndpoint)), certificate);
        }
        finally
        {
            store.Remove(certificate);
        }
    }

    [Fact]
    public async Task A_wrong_certificate_password_is_named_without_the_password()
    {
        using var certificate = CreateCertificate();
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, "bot.pfx");
        await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pfx, "right-password"));
        var credentials = new BotCredentialsOptions
        {
            MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, CertificatePath = path, CertificatePassword = "wrong-password",
        };

        var error = await Assert.ThrowsAsync<BotAuthenticationException>(() => CreateProvider(credentials).GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains("Bot:CertificatePassword", error.Message);
        Assert.DoesNotContain("wrong-password", error.Message);
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task A_user_assigned_managed_identity_asks_the_host_for_the_connector_resource()
    {
        var clientId = Guid.NewGuid().ToString(); // MSAL shares managed-identity tokens process-wide: a fresh identity per test
        _handler.RespondToPrefix("http://169.254.169.254/metadata/identity/oauth2/token", _ => FakeHttpMessageHandler.JsonResponse(
            $$"""{"access_token":"mi-token","expires_in":"3600","expires_on":"{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}","resource":"https://api.botframework.com","token_type":"Bearer"}"""));
        var credentials = new BotCredentialsOptions { MicrosoftAppId = clientId, MicrosoftAppType = "UserAssignedMSI", MicrosoftAppTenantId = TenantId };
        var provider = CreateProvider(credentials);

        Assert.Equal("mi-token", await provider.GetAccessTokenAsync(CancellationToken.None));

        var request = Assert.Single(_handler.Requests, r => r.Url.StartsWith("http://169.254.169.254/metadata/identity/oauth2/token", StringComparison.Ordinal));
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(request.Url).Query);
        Assert.Equal("https://api.botframework.com", query["resource"]);
        Assert.Equal(clientId, query["client_id"]);
        Assert.Null(provider.TokenEndpoint);
        Assert.DoesNotContain(_handler.Requests, r => r.Url.Contains("login.microsoftonline.com", StringComparison.Ordinal));
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=OpinionBot test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>The request carries a client assertion, no secret, signed by the certificate's key and meant for the token endpoint.</summary>
    private static async Task AssertSignedAssertionAsync(RecordedRequest request, X509Certificate2 certificate)
    {
        var form = ParseForm(request.Body!);
        Assert.False(form.ContainsKey("client_secret"));
        Assert.Equal(ClientAssertionType, form["client_assertion_type"]);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(form["client_assertion"], new TokenValidationParameters
        {
            IssuerSigningKey = new X509SecurityKey(X509CertificateLoader.LoadCertificate(certificate.RawData)),
            ValidIssuer = AppId,
            ValidAudience = SingleTenantEndpoint,
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(AppId, validation.ClaimsIdentity.FindFirst("sub")?.Value);
    }
}
