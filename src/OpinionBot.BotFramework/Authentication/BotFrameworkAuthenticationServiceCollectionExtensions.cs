using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OpinionBot.BotFramework.Authentication;

public static class BotFrameworkAuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotCredentialsOptions"/> from <paramref name="botSection"/> (the <c>Bot</c> section) and registers
    /// <see cref="IChannelRequestAuthenticator"/> and <see cref="IBotAccessTokenProvider"/> as singletons, their named
    /// <see cref="HttpClient"/>s, <see cref="ChannelAuthenticationOptions"/> (the configured cloud's endpoints unless
    /// changed with <c>services.Configure&lt;T&gt;</c>), and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered.
    /// </summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services, IConfiguration botSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(botSection);

        services.AddOptions<BotCredentialsOptions>().Bind(botSection);
        services.AddOptions<ChannelAuthenticationOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(ChannelRequestAuthenticator.HttpClientName);
        services.AddHttpClient(BotAccessTokenProvider.HttpClientName);
        services.TryAddSingleton<IChannelRequestAuthenticator, ChannelRequestAuthenticator>();
        services.TryAddSingleton<IBotAccessTokenProvider, BotAccessTokenProvider>();
        return services;
    }
}
