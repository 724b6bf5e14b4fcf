namespace OpinionBot.Roster;

/// <summary>Finds a person's roles from any of the identifiers Teams gives for them (object id, email, UPN).</summary>
public sealed class RosterDirectory(IRosterStore store)
{
    /// <summary>The actor with every role any of <paramref name="identifiers"/> holds, or null when the roster names none.</summary>
    public Actor? Find(string teamsUserId, string name, IEnumerable<string?> identifiers)
    {
        var keys = identifiers.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => PersonKey.Normalize(i!)).Distinct().ToList();
        if (keys.Count == 0) return null;

        var units = store.AllUnits();
        var roles = store.OrganizationRoles();
        bool Named(IEnumerable<string> people) => people.Any(keys.Contains);

        var actor = new Actor(
            Key: keys.FirstOrDefault(k => IsNamed(k, units, roles)) ?? keys[0],
            teamsUserId, name,
            units.Where(u => Named(u.Officers)).Select(u => u.Id).ToList(),
            units.Where(u => Named(u.SupervisingLeaders)).Select(u => u.Id).ToList(),
            units.Where(u => Named(u.PrincipalLeaders)).Select(u => u.Id).ToList(),
            Named(roles.OfficeMembers),
            roles.LeadingGroupHead is { } head && keys.Contains(head),
            Named(roles.Admins));
        return actor.IsOnRoster ? actor : null;
    }

    private static bool IsNamed(string key, IReadOnlyList<Unit> units, OrganizationRoles roles) =>
        units.Any(u => u.Officers.Contains(key) || u.SupervisingLeaders.Contains(key) || u.PrincipalLeaders.Contains(key))
        || roles.OfficeMembers.Contains(key) || roles.LeadingGroupHead == key || roles.Admins.Contains(key);
}
