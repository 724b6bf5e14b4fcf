namespace OpinionBot.Roster;

/// <summary>Units, organisation roles and the roster's names of people (<see cref="RosterStore"/> on LiteDB, <see cref="PostgreSql.PostgresRosterStore"/> on PostgreSQL).</summary>
public interface IRosterStore
{
    IReadOnlyList<Unit> AllUnits();

    Unit? FindUnit(string id);

    OrganizationRoles OrganizationRoles();

    /// <summary>Stores the unit; false when it was stored already exactly so.</summary>
    bool Save(Unit unit);

    /// <summary>The display name the roster gives the person, or null.</summary>
    string? PersonName(string personKey);

    bool Save(RosterPerson person);

    bool Save(OrganizationRoles roles);
}
