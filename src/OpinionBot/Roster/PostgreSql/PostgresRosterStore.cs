using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Roster.PostgreSql;

/// <summary>Units (<c>units</c>), organisation roles (<c>organization</c>) and the roster's names (<c>roster_people</c>) on PostgreSQL.</summary>
public sealed class PostgresRosterStore(PostgresDatabase database) : IRosterStore
{
    public IReadOnlyList<Unit> AllUnits() =>
        database.Documents<Unit>("SELECT doc FROM units").OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    public Unit? FindUnit(string id) => database.FindDocument<Unit>("SELECT doc FROM units WHERE id = $1", id);

    public OrganizationRoles OrganizationRoles() =>
        database.FindDocument<OrganizationRoles>("SELECT doc FROM organization WHERE id = $1", Roster.OrganizationRoles.DocumentId) ?? new();

    public bool Save(Unit unit)
    {
        if (FindUnit(unit.Id) is { } stored && stored.SameAs(unit)) return false;
        database.Execute("INSERT INTO units (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = $2", unit.Id, PostgresDatabase.Json(unit));
        return true;
    }

    public string? PersonName(string personKey) =>
        database.Scalar<string>("SELECT name FROM roster_people WHERE key = $1", PersonKey.Normalize(personKey));

    public bool Save(RosterPerson person)
    {
        // Inserted or changed: a row comes back; the same name already there: none.
        return database.Exists("""
            INSERT INTO roster_people (key, name) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET name = $2 WHERE roster_people.name IS DISTINCT FROM $2
            RETURNING 1
            """, person.Key, person.Name);
    }

    public bool Save(OrganizationRoles roles)
    {
        var stored = database.FindDocument<OrganizationRoles>("SELECT doc FROM organization WHERE id = $1", roles.Id);
        if (stored is not null && stored.SameAs(roles)) return false;
        database.Execute("INSERT INTO organization (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = $2", roles.Id, PostgresDatabase.Json(roles));
        return true;
    }
}
