using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Roster;

/// <summary>Units and organisation roles in LiteDB — the source of truth once loaded.</summary>
public sealed class RosterStore(ILiteDatabase database) : ICollectionIndexes
{
    private ILiteCollection<Unit> Units => database.GetCollection<Unit>("units");
    private ILiteCollection<OrganizationRoles> Roles => database.GetCollection<OrganizationRoles>("organization");

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

    public bool Save(OrganizationRoles roles)
    {
        if (OrganizationRoles().SameAs(roles) && Roles.Exists(r => r.Id == Roster.OrganizationRoles.DocumentId)) return false;
        Roles.Upsert(roles);
        return true;
    }
}
