using OpinionBot.Storage;

namespace OpinionBot.Roster;

public static class RosterRegistration
{
    public static IServiceCollection AddRoster(this IServiceCollection services)
    {
        services.AddStore<RosterStore>();
        services.AddStore<PersonProfileStore>();
        services.AddSingleton<RosterDirectory>();
        services.AddSingleton<PersonNames>();
        services.AddSingleton<ActorResolver>();
        services.AddHostedService<RosterSeeder>();
        return services;
    }
}
