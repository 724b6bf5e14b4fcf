using Microsoft.Extensions.Options;

namespace OpinionBot.Roster;

/// <summary>
/// Loads the configured roster into the database at start. A configured unit (or person's name) replaces the stored one
/// when they differ; units and names only in the database (added later by admins) stay.
/// </summary>
public sealed class RosterSeeder(IRosterStore store, IOptions<OrganizationOptions> options, ILogger<RosterSeeder> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var changed = options.Value.Units.Select(Unit.From).Count(store.Save);
        if (store.Save(OrganizationRoles.From(options.Value)))
            changed++;
        changed += options.Value.People.Select(RosterPerson.From).Count(store.Save);
        WarnAboutNamelessObjectIds();
        if (options.Value.Units.Count == 0)
            logger.LogWarning("Organization:Units is empty: nobody can report cases until units are configured.");
        logger.LogInformation("Roster loaded: {UnitCount} units, {Changed} entries updated from configuration", store.AllUnits().Count, changed);
        return Task.CompletedTask;
    }

    /// <summary>Someone written by object id can only be named once they have talked to the bot, unless the roster names them.</summary>
    private void WarnAboutNamelessObjectIds()
    {
        var roles = store.OrganizationRoles();
        var nameless = store.AllUnits()
            .SelectMany(u => u.Officers.Concat(u.SupervisingLeaders).Concat(u.PrincipalLeaders))
            .Concat(roles.OfficeMembers).Concat(roles.Admins).Append(roles.LeadingGroupHead ?? "")
            .Where(p => PersonKey.IsObjectId(p) && store.PersonName(p) is null)
            .Distinct()
            .ToList();
        if (nameless.Count > 0)
            logger.LogWarning("No name in Organization:People for {People}: cards show them as unnamed until they talk to the bot.", string.Join(", ", nameless));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
