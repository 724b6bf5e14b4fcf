using Npgsql;
using OpinionBot.Storage.PostgreSql;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage;

/// <summary>The stores' schema on PostgreSQL: numbered migrations, a version table, instances starting together.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresFixture postgres)
{
    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public void The_migrations_are_numbered_one_after_another_from_one()
    {
        var known = PostgresSchema.Known();
        Assert.NotEmpty(known);
        Assert.Equal(Enumerable.Range(1, known.Count), known.Select(m => m.Version));
        Assert.All(known, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public async Task A_new_database_is_brought_to_the_latest_version_and_a_second_run_changes_nothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync(migrate: false);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        Assert.Equal(0, await PostgresSchema.VersionAsync(dataSource, CancellationToken.None));

        var applied = await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None);

        Assert.Equal(PostgresSchema.Known().Select(m => m.Version), applied.Select(m => m.Version));
        Assert.Equal(PostgresSchema.Known()[^1].Version, await PostgresSchema.VersionAsync(dataSource, CancellationToken.None));
        Assert.Empty(await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None));
        var tables = await ScalarAsync<string>(connectionString,
            "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables WHERE schemaname = current_schema()");
        foreach (var table in new[] { "cases", "case_events", "counters", "owed_steps", "outbox", "outbox_grants", "evidence", "once_markers", "schema_migrations" })
            Assert.Contains(table, tables.Split(','));
    }

    [Fact]
    public async Task Instances_starting_together_apply_each_migration_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync(migrate: false);
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            return await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None);
        })));

        Assert.Single(runs, r => r.Count > 0);
        Assert.Equal((long)PostgresSchema.Known().Count, await ScalarAsync<long>(connectionString, "SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task A_failing_migration_leaves_the_schema_as_it_was()
    {
        var connectionString = await postgres.CreateDatabaseAsync(migrate: true);
        var version = PostgresSchema.Known()[^1].Version;
        var broken = PostgresSchema.Known().Append(new PostgresSchema.Migration(version + 1, $"{version + 1:D4}_broken",
            "CREATE TABLE half_done (id int); SELECT 1 / 0;")).ToList();
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await Assert.ThrowsAsync<PostgresException>(() => PostgresSchema.MigrateAsync(dataSource, CancellationToken.None, broken));

        Assert.Equal(version, await PostgresSchema.VersionAsync(dataSource, CancellationToken.None));
        Assert.False(await ScalarAsync<bool>(connectionString, "SELECT to_regclass('half_done') IS NOT NULL"));
    }
}
