using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Connector;

namespace OpinionBot.BotFramework.Hosting;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Everything <c>POST /api/messages</c> needs: channel authentication and the bot's own token (from the <c>Bot</c>
    /// section), the Connector client, and the <see cref="CloudAdapter"/> (with <c>Bot:AllowedTenants</c>). The
    /// <paramref name="environment"/> decides what is for local testing only: without an app id requests are accepted
    /// unauthenticated only in Development (or with <c>Bot:AllowAnonymous=true</c>), and emulator tokens
    /// (<c>Bot:AllowEmulatorTokens</c>) only ever in Development.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration botSection, IHostEnvironment environment)
    {
        services.AddBotFrameworkAuthentication(botSection);
        services.PostConfigure<BotCredentialsOptions>(credentials =>
        {
            credentials.AllowAnonymous |= environment.IsDevelopment();
            credentials.AllowEmulatorTokens &= environment.IsDevelopment();
        });
        services.AddOptions<CloudAdapterOptions>().Bind(botSection);
        services.AddHttpClient(ConnectorClientFactory.HttpClientName);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<IConnectorClientFactory, ConnectorClientFactory>();
        services.AddSingleton<CloudAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        return services;
    }
}
