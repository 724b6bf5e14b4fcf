using OpinionBot.Storage;

namespace OpinionBot.Roster;

public static class RosterRegistration
{
    public static IServiceCollection AddRoster(this IServiceCollection services)
    {
        services.AddStore<IRosterStore, RosterStore, PostgreSql.PostgresRosterStore>();
        services.AddStore<IPersonProfileStore, PersonProfileStore, PostgreSql.PostgresPersonProfileStore>();
        services.AddSingleton<RosterDirectory>();
        services.AddSingleton<PersonNames>();
        services.AddSingleton<ActorResolver>();
        services.AddHostedService<RosterSeeder>();
        return services;
    }
}
