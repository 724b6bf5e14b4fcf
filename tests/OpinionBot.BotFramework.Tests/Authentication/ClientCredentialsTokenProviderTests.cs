using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.BotFramework.Tests.Authentication;

public sealed class ClientCredentialsTokenProviderTests
{
    private const string AppId = "5c0a7d1e-3f0b-4c59-9a51-2b7f0c1d2e3f";
    private const string Password = "s3cret&value=with+chars";
    private const string TenantId = "8d2e1f4a-6b3c-4d5e-9f0a-1b2c3d4e5f60";
    private const string LoginBase = "https://login.test";
    private const string MultiTenantEndpoint = LoginBase + "/botframework.com/oauth2/v2.0/token";
    private const string SingleTenantEndpoint = LoginBase + "/" + TenantId + "/oauth2/v2.0/token";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2031, 3, 1, 10, 0, 0, TimeSpan.Zero));
    private readonly FakeHttpMessageHandler _handler = new();
    private int _issued;

    private static BotCredentialsOptions MultiTenant => new() { MicrosoftAppId = AppId, MicrosoftAppPassword = Password };

    private static BotCredentialsOptions SingleTenant => new()
    {
        MicrosoftAppId = AppId,
        MicrosoftAppPassword = Password,
        MicrosoftAppType = "SingleTenant",
        MicrosoftAppTenantId = TenantId,
    };

    private ClientCredentialsTokenProvider CreateProvider(BotCredentialsOptions credentials) => new(
        Options.Create(credentials),
        Options.Create(new ClientCredentialsTokenOptions { LoginBaseUrl = LoginBase + "/" }),
        new FakeHttpClientFactory(_handler),
        _time,
        NullLogger<ClientCredentialsTokenProvider>.Instance);

    private void IssueTokens(string endpoint, int expiresInSeconds = 3600) =>
        _handler.RespondJson(endpoint, () =>
            $$"""{"token_type":"Bearer","expires_in":{{expiresInSeconds}},"ext_expires_in":{{expiresInSeconds}},"access_token":"token-{{Interlocked.Increment(ref _issued)}}"}""");

    private static Dictionary<string, string> ParseForm(string body) =>
        body.Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(parts => Uri.UnescapeDataString(parts[0]), parts => Uri.UnescapeDataString(parts[1].Replace('+', ' ')));

    [Fact]
    public async Task Anonymous_mode_has_no_token()
    {
        var provider = CreateProvider(new BotCredentialsOptions());

        Assert.Null(await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Empty(_handler.Requests);
    }

    [Fact]
    public async Task Multi_tenant_posts_the_client_credentials_form_to_the_botframework_tenant()
    {
        IssueTokens(MultiTenantEndpoint);

        var token = await CreateProvider(MultiTenant).GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", token);
        var request = Assert.Single(_handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(MultiTenantEndpoint, request.Url);
        var form = ParseForm(request.Body!);
        Assert.Equal(4, form.Count);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal(Password, form["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", form["scope"]);
    }

    [Fact]
    public async Task Single_tenant_uses_the_bot_tenant()
    {
        IssueTokens(SingleTenantEndpoint);
        var provider = CreateProvider(SingleTenant);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(SingleTenantEndpoint, provider.TokenEndpoint.ToString());
        Assert.Equal(SingleTenantEndpoint, Assert.Single(_handler.Requests).Url);
    }

    [Fact]
    public async Task Single_tenant_without_tenant_id_fails_clearly()
    {
        var credentials = SingleTenant;
        credentials.MicrosoftAppTenantId = "";

        var error = await Assert.ThrowsAsync<BotAuthenticationException>(
            () => CreateProvider(credentials).GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains("MicrosoftAppTenantId", error.Message);
    }

    [Fact]
    public async Task The_token_is_reused_until_five_minutes_before_it_expires()
    {
        IssueTokens(MultiTenantEndpoint, expiresInSeconds: 3600);
        var provider = CreateProvider(MultiTenant);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(54) + TimeSpan.FromSeconds(59));
        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Single(_handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal("token-2", await provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_request()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.Respond(MultiTenantEndpoint, async _ =>
        {
            await release.Task;
            return FakeHttpMessageHandler.JsonResponse("""{"expires_in":3600,"access_token":"shared"}""");
        });
        var provider = CreateProvider(MultiTenant);

        var callers = Enumerable.Range(0, 8).Select(_ => provider.GetAccessTokenAsync(CancellationToken.None)).ToArray();
        await Task.Delay(50);
        release.SetResult();
        var tokens = await Task.WhenAll(callers);

        Assert.All(tokens, token => Assert.Equal("shared", token));
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task A_failing_token_endpoint_throws_naming_the_status_code()
    {
        _handler.RespondJson(
            MultiTenantEndpoint,
            () => """{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided."}""",
            HttpStatusCode.Unauthorized);

        var error = await Assert.ThrowsAsync<BotAuthenticationException>(
            () => CreateProvider(MultiTenant).GetAccessTokenAsync(CancellationToken.None));

        Assert.Contains("401", error.Message);
        Assert.Contains("invalid_client", error.Message);
        Assert.DoesNotContain(Password, error.Message);
    }

    [Fact]
    public async Task A_failure_is_not_cached()
    {
        _handler.RespondJson(MultiTenantEndpoint, () => "upstream down", HttpStatusCode.ServiceUnavailable);
        var provider = CreateProvider(MultiTenant);
        var error = await Assert.ThrowsAsync<BotAuthenticationException>(() => provider.GetAccessTokenAsync(CancellationToken.None));
        Assert.Contains("503", error.Message);

        IssueTokens(MultiTenantEndpoint);

        Assert.Equal("token-1", await provider.GetAccessTokenAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_response_without_access_token_throws()
    {
        _handler.RespondJson(MultiTenantEndpoint, () => """{"expires_in":3600}""");

        await Assert.ThrowsAsync<BotAuthenticationException>(
            () => CreateProvider(MultiTenant).GetAccessTokenAsync(CancellationToken.None));
    }
}
