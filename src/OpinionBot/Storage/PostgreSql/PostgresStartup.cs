namespace OpinionBot.Storage.PostgreSql;

/// <summary>Brings the schema up to date when the service starts, before anything reads or writes.</summary>
public sealed class PostgresStartup(PostgresDatabase database, ILogger<PostgresStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await PostgresSchema.MigrateAsync(database.DataSource, cancellationToken);
        var version = await PostgresSchema.VersionAsync(database.DataSource, cancellationToken);
        var known = PostgresSchema.Known()[^1].Version;
        if (applied.Count > 0)
            logger.LogInformation("PostgreSQL schema migrated to version {Version}: {Migrations}", version, string.Join(", ", applied.Select(m => m.Name)));
        else
            logger.LogInformation("PostgreSQL schema at version {Version}", version);
        if (version > known)
            logger.LogWarning("The PostgreSQL schema is at version {Version}, newer than this build's {Known}: a newer instance migrated it", version, known);
        logger.LogInformation("This instance is {InstanceId}", database.InstanceId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
