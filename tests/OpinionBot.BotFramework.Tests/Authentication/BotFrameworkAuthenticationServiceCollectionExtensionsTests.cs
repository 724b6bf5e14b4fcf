using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.BotFramework.Tests.Authentication;

public sealed class BotFrameworkAuthenticationServiceCollectionExtensionsTests
{
    private static ServiceProvider BuildProvider()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = "app-id",
                ["Bot:MicrosoftAppPassword"] = "app-password",
                ["Bot:MicrosoftAppTenantId"] = "tenant-id",
                ["Bot:MicrosoftAppType"] = "SingleTenant",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotFrameworkAuthentication(configuration.GetSection("Bot"));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Binds_the_bot_section()
    {
        using var provider = BuildProvider();

        var options = provider.GetRequiredService<IOptions<BotCredentialsOptions>>().Value;

        Assert.Equal("app-id", options.MicrosoftAppId);
        Assert.Equal("app-password", options.MicrosoftAppPassword);
        Assert.Equal("tenant-id", options.MicrosoftAppTenantId);
        Assert.True(options.IsSingleTenant);
    }

    [Fact]
    public void Registers_both_services_as_singletons_with_real_endpoints()
    {
        using var provider = BuildProvider();

        Assert.IsType<ChannelRequestAuthenticator>(provider.GetRequiredService<IChannelRequestAuthenticator>());
        Assert.Same(provider.GetRequiredService<IChannelRequestAuthenticator>(), provider.GetRequiredService<IChannelRequestAuthenticator>());
        var tokenProvider = Assert.IsType<ClientCredentialsTokenProvider>(provider.GetRequiredService<IBotAccessTokenProvider>());
        Assert.Same(tokenProvider, provider.GetRequiredService<IBotAccessTokenProvider>());
        Assert.Equal("https://login.microsoftonline.com/tenant-id/oauth2/v2.0/token", tokenProvider.TokenEndpoint.ToString());
        var endpoints = provider.GetRequiredService<IOptions<ChannelAuthenticationOptions>>().Value;
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", endpoints.BotFrameworkOpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", endpoints.EntraOpenIdMetadataUrl);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }
}
