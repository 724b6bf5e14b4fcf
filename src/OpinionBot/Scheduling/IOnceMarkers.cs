namespace OpinionBot.Scheduling;

/// <summary>"This was done" marks with unique keys (<see cref="OnceMarkers"/> on LiteDB, <see cref="PostgreSql.PostgresOnceMarkers"/> on PostgreSQL).</summary>
public interface IOnceMarkers
{
    /// <summary>Marks <paramref name="key"/>; false when it was already marked. Call inside a transaction.</summary>
    bool TryMark(string key, DateTimeOffset at);

    bool IsMarked(string key);
}
