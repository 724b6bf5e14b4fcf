using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Roster;

/// <summary>Units and organisation roles in LiteDB — the source of truth once loaded.</summary>
public sealed class RosterStore(ILiteDatabase database) : IRosterStore, ICollectionIndexes
{
    private ILiteCollection<Unit> Units => database.GetCollection<Unit>("units");
    private ILiteCollection<OrganizationRoles> Roles => database.GetCollection<OrganizationRoles>("organization");
    private ILiteCollection<RosterPerson> People => database.GetCollection<RosterPerson>("roster_people");

    public void EnsureIndexes()
    {
        Units.EnsureIndex("officers", "$.Officers[*]");
        Units.EnsureIndex("supervisors", "$.SupervisingLeaders[*]");
        Units.EnsureIndex("principals", "$.PrincipalLeaders[*]");
    }

    public IReadOnlyList<Unit> AllUnits() => Units.FindAll().OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    public Unit? FindUnit(string id) => Units.FindById(id);

    public OrganizationRoles OrganizationRoles() => Roles.FindById(Roster.OrganizationRoles.DocumentId) ?? new();

    public bool Save(Unit unit)
    {
        var stored = FindUnit(unit.Id);
        if (stored is not null && stored.SameAs(unit)) return false;
        Units.Upsert(unit);
        return true;
    }

    /// <summary>The display name the roster gives the person, or null.</summary>
    public string? PersonName(string personKey) => People.FindById(PersonKey.Normalize(personKey))?.Name;

    public bool Save(RosterPerson person)
    {
        if (People.FindById(person.Key) is { } stored && stored.Name == person.Name) return false;
        People.Upsert(person);
        return true;
    }

    public bool Save(OrganizationRoles roles)
    {
        if (OrganizationRoles().SameAs(roles) && Roles.Exists(r => r.Id == Roster.OrganizationRoles.DocumentId)) return false;
        Roles.Upsert(roles);
        return true;
    }
}
