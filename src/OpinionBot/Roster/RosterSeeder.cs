using Microsoft.Extensions.Options;

namespace OpinionBot.Roster;

/// <summary>
/// Loads the configured roster into the database at start. A configured unit replaces the stored one when they differ;
/// units only in the database (added later by admins) stay.
/// </summary>
public sealed class RosterSeeder(RosterStore store, IOptions<OrganizationOptions> options, ILogger<RosterSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var changed = options.Value.Units.Select(Unit.From).Count(store.Save);
        if (store.Save(OrganizationRoles.From(options.Value)))
            changed++;
        if (options.Value.Units.Count == 0)
            logger.LogWarning("Organization:Units is empty: nobody can report cases until units are configured.");
        logger.LogInformation("Roster loaded: {UnitCount} units, {Changed} entries updated from configuration", store.AllUnits().Count, changed);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
