using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Connector;

namespace OpinionBot.BotFramework.Hosting;

public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Everything <c>POST /api/messages</c> needs: channel authentication and the bot's own token (from the <c>Bot</c>
    /// section), the Connector client, and the <see cref="CloudAdapter"/> (with <c>Bot:AllowedTenants</c>).
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration botSection)
    {
        services.AddBotFrameworkAuthentication(botSection);
        services.AddOptions<CloudAdapterOptions>().Bind(botSection);
        services.AddHttpClient(ConnectorClientFactory.HttpClientName);
        services.AddSingleton<TrustedServiceUrls>();
        services.AddSingleton<IConnectorClientFactory, ConnectorClientFactory>();
        services.AddSingleton<CloudAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<CloudAdapter>());
        return services;
    }
}
