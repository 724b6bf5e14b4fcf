using System.Text.Json;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Roster.PostgreSql;

/// <summary>
/// Units (<c>units</c>), organisation roles (<c>organization</c>) and the roster's names (<c>roster_people</c>) on
/// PostgreSQL. Units and roles are read on almost every turn and change only when an instance loads the configured
/// roster, so they are kept for <see cref="CacheFor"/> (a change made here is seen at once; one made by another instance
/// within that time); each caller gets its own copy.
/// </summary>
public sealed class PostgresRosterStore(PostgresDatabase database) : IRosterStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    private sealed record Snapshot(Dictionary<string, byte[]> Units, byte[]? Roles, long TakenAt);

    private volatile Snapshot? _snapshot;

    private Snapshot Current()
    {
        if (_snapshot is { } snapshot && Environment.TickCount64 - snapshot.TakenAt < CacheFor.TotalMilliseconds)
            return snapshot;
        var takenAt = Environment.TickCount64;
        var units = database.Query("SELECT id, doc FROM units", r => (Id: r.GetString(0), Doc: r.GetFieldValue<byte[]>(1)))
            .ToDictionary(u => u.Id, u => u.Doc, StringComparer.Ordinal);
        var roles = database.Query("SELECT doc FROM organization WHERE id = $1", r => r.GetFieldValue<byte[]>(0), Roster.OrganizationRoles.DocumentId)
            .FirstOrDefault();
        return _snapshot = new Snapshot(units, roles, takenAt);
    }

    private static T Copy<T>(byte[] json) => JsonSerializer.Deserialize<T>(json, PostgresJson.Options)!;

    public IReadOnlyList<Unit> AllUnits() =>
        Current().Units.Values.Select(Copy<Unit>).OrderBy(u => u.Id, StringComparer.Ordinal).ToList();

    public Unit? FindUnit(string id) => Current().Units.TryGetValue(id, out var json) ? Copy<Unit>(json) : null;

    public OrganizationRoles OrganizationRoles() => Current().Roles is { } json ? Copy<OrganizationRoles>(json) : new();

    public bool Save(Unit unit)
    {
        var stored = database.FindDocument<Unit>("SELECT doc FROM units WHERE id = $1", unit.Id);
        if (stored is not null && stored.SameAs(unit)) return false;
        database.Execute("INSERT INTO units (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = $2", unit.Id, PostgresDatabase.Json(unit));
        _snapshot = null;
        return true;
    }

    public string? PersonName(string personKey) =>
        database.Scalar<string>("SELECT name FROM roster_people WHERE key = $1", PersonKey.Normalize(personKey));

    /// <summary>Inserted or changed: a row comes back; the same name already there: none.</summary>
    public bool Save(RosterPerson person) =>
        database.Exists("""
            INSERT INTO roster_people (key, name) VALUES ($1, $2)
            ON CONFLICT (key) DO UPDATE SET name = $2 WHERE roster_people.name IS DISTINCT FROM $2
            RETURNING 1
            """, person.Key, person.Name);

    public bool Save(OrganizationRoles roles)
    {
        var stored = database.FindDocument<OrganizationRoles>("SELECT doc FROM organization WHERE id = $1", roles.Id);
        if (stored is not null && stored.SameAs(roles)) return false;
        database.Execute("INSERT INTO organization (id, doc) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET doc = $2", roles.Id, PostgresDatabase.Json(roles));
        _snapshot = null;
        return true;
    }
}
