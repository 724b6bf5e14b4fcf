using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpinionBot.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotCredentialsOptions"/> from <paramref name="botSection"/> (the <c>Bot</c> section) and registers
    /// <see cref="IChannelRequestAuthenticator"/> and <see cref="IBotAccessTokenProvider"/> as singletons, their named
    /// <see cref="HttpClient"/>s, <see cref="ChannelAuthenticationOptions"/> and <see cref="ClientCredentialsTokenOptions"/>
    /// (real endpoints by default; change them with <c>services.Configure&lt;T&gt;</c>), and
    /// <see cref="TimeProvider.System"/> unless a <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration botSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(botSection);

        services.AddOptions<BotCredentialsOptions>().Bind(botSection);
        services.AddOptions<ChannelAuthenticationOptions>();
        services.AddOptions<ClientCredentialsTokenOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ChannelRequestAuthenticator.HttpClientName);
        services.AddHttpClient(ClientCredentialsTokenProvider.HttpClientName);
        services.TryAddSingleton<IChannelRequestAuthenticator, ChannelRequestAuthenticator>();
        services.TryAddSingleton<IBotAccessTokenProvider, ClientCredentialsTokenProvider>();
        return services;
    }
}
