using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.BotFramework.Tests.Authentication;

public sealed class BotFrameworkAuthenticationServiceCollectionExtensionsTests
{
    private static ServiceProvider BuildProvider(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Bot:MicrosoftAppId"] = "app-id",
            ["Bot:MicrosoftAppPassword"] = "app-password",
            ["Bot:MicrosoftAppTenantId"] = "tenant-id",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFrameworkAuthentication(configuration.GetSection("Bot"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Binds_the_bot_section_with_single_tenant_and_the_public_cloud_as_defaults()
    {
        using var provider = BuildProvider();

        var options = provider.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;

        Assert.Equal("app-id", options.MicrosoftAppId);
        Assert.Equal("app-password", options.MicrosoftAppPassword);
        Assert.Equal("tenant-id", options.MicrosoftAppTenantId);
        Assert.True(options.IsSingleTenant);
        Assert.Same(BotCloud.Public, options.CloudEndpoints);
        Assert.False(options.AllowAnonymous);
        Assert.False(options.AllowEmulatorTokens);
    }

    [Fact]
    public void Registers_both_services_as_singletons_with_the_public_clouds_endpoints()
    {
        using var provider = BuildProvider();

        var authenticator = Assert.IsType<ChannelRequestAuthenticator>(provider.GetRequiredService<IChannelRequestAuthenticator>());
        Assert.Same(authenticator, provider.GetRequiredService<IChannelRequestAuthenticator>());
        var tokenProvider = Assert.IsType<BotAccessTokenProvider>(provider.GetRequiredService<IBotAccessTokenProvider>());
        Assert.Same(tokenProvider, provider.GetRequiredService<IBotAccessTokenProvider>());
        Assert.Equal("https://login.microsoftonline.com/tenant-id/oauth2/v2.0/token", tokenProvider.TokenEndpoint?.ToString());
        Assert.Equal("https://api.botframework.com/.default", tokenProvider.Scope);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", authenticator.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", authenticator.EmulatorOpenIdMetadataUrl);
        Assert.True(provider.GetRequiredService<IOptions<ChannelAuthenticationOptions>>().Value.RequireHttpsMetadata);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void Bot_Cloud_China_switches_every_endpoint_to_21Vianet()
    {
        using var provider = BuildProvider(("Bot:Cloud", "China"));

        var authenticator = Assert.IsType<ChannelRequestAuthenticator>(provider.GetRequiredService<IChannelRequestAuthenticator>());
        var tokenProvider = Assert.IsType<BotAccessTokenProvider>(provider.GetRequiredService<IBotAccessTokenProvider>());
        Assert.Equal("https://login.botframework.azure.cn/v1/.well-known/openidconfiguration", authenticator.ChannelOpenIdMetadataUrl);
        Assert.Equal("https://login.partner.microsoftonline.cn/tenant-id/oauth2/v2.0/token", tokenProvider.TokenEndpoint?.ToString());
        Assert.Equal("https://api.botframework.azure.cn/.default", tokenProvider.Scope);
    }
}
