using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Tests.Authentication;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>
/// A registered bot (app id, secret, its tenant — single-tenant by default): channel tokens checked against OpenID
/// metadata served by the fake connector, its own token asked of the (redirected) Entra token endpoint.
/// </summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string AppId = "7f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";
    private const string BotTenantId = "2b7c9d1e-3f4a-4b5c-8d6e-7f8091a2b3c4";
    private readonly TestSigningKey _channelKey = new("channel-key", ["msteams"]);
    private FakeBotConnector _connector = null!;
    private BotApplication _bot = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync(app =>
        {
            app.MapGet("/openid", (HttpContext http) => Results.Json(new
            {
                issuer = "https://api.botframework.com",
                jwks_uri = $"http://{http.Request.Host}/jwks",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            }));
            app.MapGet("/jwks", () => Results.Text(TestSigningKey.JwksJson([_channelKey]), "application/json"));
            app.MapPost($"/{BotTenantId}/oauth2/v2.0/token", () => Results.Json(new { token_type = "Bearer", expires_in = 3600, access_token = "outbound-bot-token" }));
        });
        _bot = CreateBot(allowedTenant: null);
    }

    private BotApplication CreateBot(string? allowedTenant)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = "not-a-real-secret",
            ["Bot:MicrosoftAppTenantId"] = BotTenantId,
        };
        if (allowedTenant is not null)
            settings["Bot:AllowedTenants:0"] = allowedTenant;
        return new(settings, services =>
        {
            services.Configure<ChannelAuthenticationOptions>(o =>
            {
                o.BotFrameworkOpenIdMetadataUrl = _connector.ServiceUrl + "openid";
                o.RequireHttpsMetadata = false; // the fake connector speaks plain http on loopback
            });
            services.AddHttpClient(BotAccessTokenProvider.HttpClientName)
                .ConfigurePrimaryHttpMessageHandler(() => new LoopbackRedirect(new Uri(_connector.ServiceUrl)));
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private string Token(Action<SecurityTokenDescriptor>? change = null, TestSigningKey? key = null)
    {
        var now = _bot.Clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["serviceurl"] = _connector.ServiceUrl },
            SigningCredentials = (key ?? _channelKey).Credentials(),
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private Dictionary<string, object?> Help() => TeamsActivities.Message(_connector.ServiceUrl, "help");

    [Fact]
    public async Task A_valid_channel_token_runs_the_turn_and_the_reply_carries_the_bots_own_token()
    {
        var response = await _bot.PostActivityAsync(Help(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.ActivityCalls);
        Assert.Equal("Bearer outbound-bot-token", reply.Authorization);
    }

    public static TheoryData<string> Refusals() => ["missing", "forged", "wrong-audience", "expired", "serviceurl-mismatch", "not-bearer"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_request_without_a_valid_token_is_answered_401_and_the_turn_does_not_run(string refusal)
    {
        var (scheme, token) = refusal switch
        {
            "missing" => (null, null),
            "forged" => ("Bearer", Token(key: new TestSigningKey("channel-key", ["msteams"]))),
            "wrong-audience" => ("Bearer", Token(d => d.Audience = Guid.NewGuid().ToString())),
            "expired" => ("Bearer", Token(d => { d.NotBefore = d.IssuedAt = DateTime.UtcNow.AddYears(-2); d.Expires = _bot.Clock.GetUtcNow().UtcDateTime.AddMinutes(-6); })),
            "serviceurl-mismatch" => ("Bearer", Token(d => d.Claims["serviceurl"] = "https://evil.example/")),
            _ => ("Basic", "dXNlcjpwYXNz"),
        };

        var response = scheme == "Bearer" || scheme is null
            ? await _bot.PostActivityAsync(Help(), token)
            : await PostWithSchemeAsync(scheme, token!);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(_connector.ActivityCalls);
    }

    [Fact]
    public async Task The_bots_own_connector_token_replayed_to_it_is_refused()
    {
        var now = _bot.Clock.GetUtcNow().UtcDateTime;
        var ownToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"https://sts.windows.net/{BotTenantId}/",
            Audience = "https://api.botframework.com",
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(59),
            Claims = new Dictionary<string, object> { ["appid"] = AppId, ["ver"] = "1.0", ["tid"] = BotTenantId },
            SigningCredentials = _channelKey.Credentials(),
        });

        var response = await _bot.PostActivityAsync(Help(), ownToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.ActivityCalls);
    }

    [Fact]
    public async Task A_tenant_outside_Bot_AllowedTenants_is_answered_403_and_an_allowed_one_is_served()
    {
        await using var restricted = CreateBot(allowedTenant: "tenant-allowed");
        restricted.Clock.SetUtcNow(_bot.Clock.GetUtcNow());

        var refused = await restricted.PostActivityAsync(Help(), Token());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Empty(_connector.ActivityCalls);

        var allowed = Help();
        allowed["channelData"] = new { tenant = new { id = "tenant-allowed" } };
        var served = await restricted.PostActivityAsync(allowed, Token());
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Single(_connector.ActivityCalls);
    }

    private async Task<HttpResponseMessage> PostWithSchemeAsync(string scheme, string credentials)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(JsonSerializer.Serialize(Help()), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new(scheme, credentials);
        return await _bot.CreateClient().SendAsync(request);
    }

    /// <summary>Sends what MSAL addresses to the Entra login host to the fake connector instead (MSAL insists on https authorities).</summary>
    private sealed class LoopbackRedirect : DelegatingHandler
    {
        private readonly Uri _target;

        public LoopbackRedirect(Uri target)
            : base(new SocketsHttpHandler()) => _target = target;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(_target, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
