using OpinionBot.BotFramework.Builder;
using OpinionBot.Help;

namespace OpinionBot.Bot;

public static class BotRegistration
{
    public static IServiceCollection AddOpinionBot(this IServiceCollection services)
    {
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<CardActionRouter>();
        services.AddSingleton<IBot, OpinionBotHandler>();
        services.AddHelp();
        return services;
    }
}
