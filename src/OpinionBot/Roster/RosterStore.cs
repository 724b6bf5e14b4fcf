using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Roster;

/// <summary>Units and organisation roles in LiteDB — the source of truth once loaded.</summary>
public sealed class RosterStore(ILiteDatabase database) : IRosterStore, ICollectionIndexes
{
    private readonly DocumentCache<Unit> _unitsRead = DocumentCache.Of<Unit>(database, "units", u => u.Copy());
    private readonly DocumentCache<OrganizationRoles> _rolesRead = DocumentCache.Of<OrganizationRoles>(database, "organization", r => r.Copy());
    private readonly DocumentCache<RosterPerson> _peopleRead = DocumentCache.Of<RosterPerson>(database, "roster_people", p => p.Copy());

    private ILiteCollection<Unit> Units => database.GetCollection<Unit>("units");
    private ILiteCollection<OrganizationRoles> Roles => database.GetCollection<OrganizationRoles>("organization");
    private ILiteCollection<RosterPerson> People => database.GetCollection<RosterPerson>("roster_people");

    public void EnsureIndexes()
    {
        Units.EnsureIndex("officers", "$.Officers[*]");
        Units.EnsureIndex("supervisors", "$.SupervisingLeaders[*]");
        Units.EnsureIndex("principals", "$.PrincipalLeaders[*]");
    }

    public IReadOnlyList<Unit> AllUnits() => _unitsRead.Get("all", ReadAllUnits).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    /// <summary>By id, ignoring case as LiteDB's look-up by id did.</summary>
    public Unit? FindUnit(string id) => _unitsRead.Find("all", ReadAllUnits, u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<BsonDocument> ReadAllUnits() => database.GetCollection("units").FindAll();

    public OrganizationRoles OrganizationRoles() =>
        _rolesRead.GetOne(Roster.OrganizationRoles.DocumentId, () => database.GetCollection("organization").Get(Roster.OrganizationRoles.DocumentId)) ?? new();

    public bool Save(Unit unit)
    {
        var stored = FindUnit(unit.Id);
        if (stored is not null && stored.SameAs(unit)) return false;
        Units.Upsert(unit);
        _unitsRead.Written();
        return true;
    }

    /// <summary>The display name the roster gives the person, or null.</summary>
    public string? PersonName(string personKey)
    {
        var key = PersonKey.Normalize(personKey);
        return _peopleRead.GetOne(key, () => database.GetCollection("roster_people").Get(key))?.Name;
    }

    public bool Save(RosterPerson person)
    {
        if (People.Get(person.Key) is { } stored && stored.Name == person.Name) return false;
        People.Upsert(person);
        _peopleRead.Written();
        return true;
    }

    public bool Save(OrganizationRoles roles)
    {
        if (OrganizationRoles().SameAs(roles) && Roles.Exists(r => r.Id == Roster.OrganizationRoles.DocumentId)) return false;
        Roles.Upsert(roles);
        _rolesRead.Written();
        return true;
    }
}
