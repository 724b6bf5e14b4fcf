using OpinionBot.BotFramework.Authentication;
using static OpinionBot.BotFramework.Tests.Authentication.ChannelAuthenticationTestBed;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>The emulator path: Entra-issued tokens, accepted only with <c>Bot:AllowEmulatorTokens</c> and only when meant for this bot.</summary>
public sealed class EntraTokenAuthenticationTests
{
    private const string EmulatorTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private static readonly BotCredentialsOptions SingleTenant = new()
    {
        MicrosoftAppId = AppId,
        MicrosoftAppPassword = "secret",
        MicrosoftAppType = "SingleTenant",
        MicrosoftAppTenantId = TenantId,
        AllowEmulatorTokens = true,
    };

    private static readonly BotCredentialsOptions MultiTenant = new()
    {
        MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppType = "MultiTenant", AllowEmulatorTokens = true,
    };

    private static readonly BotCredentialsOptions EmulatorTokensOff = new()
    {
        MicrosoftAppId = AppId, MicrosoftAppPassword = "secret", MicrosoftAppType = "SingleTenant", MicrosoftAppTenantId = TenantId,
    };

    private readonly ChannelAuthenticationTestBed _bed = new();

    private Task<ChannelAuthenticationResult> Authenticate(BotCredentialsOptions credentials, string token) =>
        _bed.CreateAuthenticator(credentials).AuthenticateAsync(Bearer(token), "msteams", ServiceUrl, CancellationToken.None);

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task Single_tenant_accepts_tokens_from_its_own_tenant(string version)
    {
        var token = Sign(_bed.EntraToken(TenantId, version), _bed.EntraKey.Credentials());

        var result = await Authenticate(SingleTenant, token);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(TenantId, result.Identity!.FindFirst("tid")?.Value);
        Assert.Equal(1, _bed.Handler.CountRequests(EntraMetadataUrl));
        Assert.Equal(0, _bed.Handler.CountRequests(BotFrameworkMetadataUrl));
    }

    [Fact]
    public async Task Single_tenant_refuses_tokens_from_another_tenant()
    {
        var token = Sign(_bed.EntraToken(OtherTenantId), _bed.EntraKey.Credentials());

        var result = await Authenticate(SingleTenant, token);

        Assert.False(result.IsAuthenticated);
        Assert.Equal("untrusted issuer", result.FailureReason);
        Assert.Empty(_bed.Handler.Requests);
    }

    [Fact]
    public async Task Multi_tenant_refuses_tokens_from_an_arbitrary_tenant()
    {
        var token = Sign(_bed.EntraToken(TenantId), _bed.EntraKey.Credentials());

        Assert.Equal("untrusted issuer", (await Authenticate(MultiTenant, token)).FailureReason);
    }

    [Theory]
    [InlineData(EmulatorTenant)]
    [InlineData(TenantId)]
    public async Task By_default_no_entra_token_is_accepted_and_no_entra_key_is_fetched(string tenant)
    {
        var token = Sign(_bed.EntraToken(tenant), _bed.EntraKey.Credentials());

        var result = await Authenticate(EmulatorTokensOff, token);

        Assert.Equal("untrusted issuer", result.FailureReason);
        Assert.Empty(_bed.Handler.Requests);
    }

    /// <summary>
    /// The token the bot itself obtains for the Bot Connector: issued by the Bot Framework's Entra tenant (one of the
    /// emulator issuers) to the bot's app id, for the Connector's audience. Replayed to the bot it must not pass.
    /// </summary>
    [Theory]
    [InlineData("https://api.botframework.com", "aud claim is not this bot's app id")]
    [InlineData("0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b", "aud claim is not this bot's app id")]
    [InlineData("", "missing aud claim")]
    public async Task An_entra_token_for_another_audience_is_refused_even_with_emulator_tokens_on(string audience, string reason)
    {
        var descriptor = _bed.EntraToken("d6d49420-f39b-4df7-a1dc-d59a935871db", "1.0");
        descriptor.Audience = audience.Length == 0 ? null : audience;

        var result = await Authenticate(MultiTenant, Sign(descriptor, _bed.EntraKey.Credentials()));

        Assert.False(result.IsAuthenticated);
        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public async Task An_emulator_token_for_api_uri_of_this_bot_is_accepted()
    {
        var descriptor = _bed.EntraToken(EmulatorTenant, "1.0");
        descriptor.Audience = "api://" + AppId;

        Assert.True((await Authenticate(MultiTenant, Sign(descriptor, _bed.EntraKey.Credentials()))).IsAuthenticated);
    }

    [Theory]
    [InlineData("2.0")]
    [InlineData("1.0")]
    public async Task Emulator_tokens_are_accepted_for_this_bot(string version)
    {
        var token = Sign(_bed.EntraToken(EmulatorTenant, version), _bed.EntraKey.Credentials());

        var result = await Authenticate(MultiTenant, token);

        Assert.True(result.IsAuthenticated, result.FailureReason);
    }

    [Theory]
    [InlineData("2.0", "azp claim is not this bot's app id")]
    [InlineData("1.0", "appid claim is not this bot's app id")]
    public async Task Refuses_an_entra_token_for_another_app(string version, string reason)
    {
        var descriptor = _bed.EntraToken(TenantId, version);
        descriptor.Claims[version == "2.0" ? "azp" : "appid"] = "another-app";

        var result = await Authenticate(SingleTenant, Sign(descriptor, _bed.EntraKey.Credentials()));

        Assert.Equal(reason, result.FailureReason);
    }

    [Fact]
    public async Task Refuses_an_entra_token_without_version()
    {
        var descriptor = _bed.EntraToken(TenantId);
        descriptor.Claims.Remove("ver");

        Assert.Equal("missing ver claim", (await Authenticate(SingleTenant, Sign(descriptor, _bed.EntraKey.Credentials()))).FailureReason);
    }

    [Fact]
    public async Task Refuses_an_entra_issuer_signed_with_a_bot_framework_key()
    {
        var token = Sign(_bed.EntraToken(TenantId), _bed.ChannelKey.Credentials());

        Assert.Equal("signing key not found", (await Authenticate(SingleTenant, token)).FailureReason);
    }

    [Fact]
    public async Task Refuses_a_channel_issuer_signed_with_an_entra_key()
    {
        var token = Sign(_bed.ChannelToken(), _bed.EntraKey.Credentials());

        Assert.Equal("signing key not found", (await Authenticate(SingleTenant, token)).FailureReason);
    }

    [Fact]
    public async Task Single_tenant_still_accepts_channel_tokens()
    {
        var token = Sign(_bed.ChannelToken(), _bed.ChannelKey.Credentials());

        Assert.True((await Authenticate(SingleTenant, token)).IsAuthenticated);
    }
}
