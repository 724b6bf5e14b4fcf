using OpinionBot.Bot;

namespace OpinionBot.Help;

public static class HelpRegistration
{
    public static IServiceCollection AddHelp(this IServiceCollection services) =>
        services.AddSingleton<ICommand, HelpCommand>();
}
