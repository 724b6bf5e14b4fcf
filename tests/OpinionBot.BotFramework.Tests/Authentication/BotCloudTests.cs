using OpinionBot.BotFramework.Authentication;
using static OpinionBot.BotFramework.Tests.Authentication.ChannelAuthenticationTestBed;

namespace OpinionBot.BotFramework.Tests.Authentication;

/// <summary>Each cloud's endpoints, as the Bot Framework SDK and Microsoft's documentation give them, and that the authenticator uses them.</summary>
public sealed class BotCloudTests
{
    public static TheoryData<string, string, string, string, string, string> Clouds() => new()
    {
        {
            "Public", "https://api.botframework.com", "https://login.botframework.com/v1/.well-known/openidconfiguration",
            "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token", "https://login.microsoftonline.com/{0}/oauth2/v2.0/token",
            "https://api.botframework.com/.default"
        },
        {
            "China", "https://api.botframework.azure.cn", "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration",
            "https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn/oauth2/v2.0/token",
            "https://login.partner.microsoftonline.cn/{0}/oauth2/v2.0/token", "https://api.botframework.azure.cn/.default"
        },
        {
            "USGov", "https://api.botframework.us", "https://login.botframework.azure.us/v1/.well-known/openidconfiguration",
            "https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token", "https://login.microsoftonline.us/{0}/oauth2/v2.0/token",
            "https://api.botframework.us/.default"
        },
    };

    [Theory]
    [MemberData(nameof(Clouds))]
    public void Issuer_metadata_token_endpoints_and_scope(
        string name, string issuer, string metadata, string multiTenantEndpoint, string singleTenantEndpoint, string scope)
    {
        var cloud = BotCloud.Find(name.ToLowerInvariant());

        Assert.Equal(name, cloud.Name);
        Assert.Equal(issuer, cloud.ChannelTokenIssuer);
        Assert.Equal(metadata, cloud.ChannelOpenIdMetadataUrl);
        Assert.Equal(scope, cloud.ChannelScope);
        var multiTenant = new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppType = "MultiTenant", Cloud = name };
        var singleTenant = new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, Cloud = name };
        Assert.Equal(multiTenantEndpoint, cloud.TokenEndpointFor(multiTenant.TokenTenant).ToString());
        Assert.Equal(string.Format(singleTenantEndpoint, TenantId), cloud.TokenEndpointFor(singleTenant.TokenTenant).ToString());
        Assert.All(cloud.EmulatorTokenIssuers.Append(cloud.EmulatorOpenIdMetadataUrl), url => Assert.StartsWith("https://", url));
    }

    [Fact]
    public void China_uses_21Vianet_entra_issuers_for_emulator_and_tenant_tokens()
    {
        Assert.Equal(
            ["https://sts.chinacloudapi.cn/" + TenantId + "/", "https://login.partner.microsoftonline.cn/" + TenantId + "/v2.0"],
            BotCloud.China.EntraIssuersOf(TenantId));
        Assert.StartsWith("https://login.partner.microsoftonline.cn/", BotCloud.China.EmulatorOpenIdMetadataUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void No_cloud_means_public(string? name) => Assert.Same(BotCloud.Public, BotCloud.Find(name));

    [Fact]
    public void An_unknown_cloud_is_refused_naming_the_known_ones()
    {
        Assert.False(BotCloud.TryFind("Germany", out _));
        Assert.Contains("Public, China, USGov", Assert.Throws<ArgumentException>(() => BotCloud.Find("Germany")).Message);
    }

    [Fact]
    public async Task In_the_China_cloud_a_channel_token_from_the_china_issuer_is_checked_against_the_china_metadata()
    {
        var bed = new ChannelAuthenticationTestBed();
        const string chinaMetadata = "https://login.botframework.azure.cn/v1/.well-known/openidconfiguration";
        bed.Handler.RespondJson(chinaMetadata, () => $$"""{"issuer":"https://api.botframework.azure.cn","jwks_uri":"{{BotFrameworkKeysUrl}}"}""");
        var china = new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, Cloud = "China" };
        var authenticator = bed.CreateAuthenticator(china, useCloudEndpoints: true);
        var descriptor = bed.ChannelToken();
        descriptor.Issuer = "https://api.botframework.azure.cn";

        var result = await authenticator.AuthenticateAsync(Bearer(Sign(descriptor, bed.ChannelKey.Credentials())), "msteams", ServiceUrl, CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.Equal(1, bed.Handler.CountRequests(chinaMetadata));
    }

    [Fact]
    public async Task In_the_China_cloud_a_public_cloud_channel_token_is_refused_unverified()
    {
        var bed = new ChannelAuthenticationTestBed();
        var china = new BotCredentialsOptions { MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, Cloud = "China" };
        var authenticator = bed.CreateAuthenticator(china, useCloudEndpoints: true);

        var result = await authenticator.AuthenticateAsync(
            Bearer(Sign(bed.ChannelToken(), bed.ChannelKey.Credentials())), "msteams", ServiceUrl, CancellationToken.None);

        Assert.Equal("untrusted issuer", result.FailureReason);
        Assert.Empty(bed.Handler.Requests);
    }
}
