using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Scheduling.PostgreSql;

/// <summary>
/// "This was done" marks (<c>once_markers</c>) on PostgreSQL: the key is unique, so of two instances marking it at once
/// one inserts and the other, waiting for that commit, finds it taken.
/// </summary>
public sealed class PostgresOnceMarkers(PostgresDatabase database) : IOnceMarkers
{
    public bool TryMark(string key, DateTimeOffset at) =>
        database.Execute("INSERT INTO once_markers (key, at) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", key, at) == 1;

    public bool IsMarked(string key) => database.Exists("SELECT 1 FROM once_markers WHERE key = $1", key);
}
