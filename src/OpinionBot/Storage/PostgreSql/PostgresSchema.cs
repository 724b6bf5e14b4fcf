using System.Globalization;
using System.Reflection;
using Npgsql;

namespace OpinionBot.Storage.PostgreSql;

/// <summary>
/// The stores' tables: numbered migrations (<c>Migrations/NNNN_name.sql</c>, embedded), applied in order at start, each
/// recorded in <c>schema_migrations</c>. All of it runs in one transaction under an advisory lock, so instances that
/// start together take turns and the later ones find the work done; a failing migration leaves the schema as it was.
/// </summary>
public static class PostgresSchema
{
    public const string ResourcePrefix = "OpinionBot.Migrations.";

    /// <summary>Any fixed number, the same in every instance: the advisory lock that serialises migrations.</summary>
    private const long MigrationLock = 0x0B07_5C4E_3A11;

    public sealed record Migration(int Version, string Name, string Sql);

    /// <summary>The migrations this build knows, in version order.</summary>
    public static IReadOnlyList<Migration> Known()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var name = n[ResourcePrefix.Length..^".sql".Length];
                var version = int.Parse(name.Split('_', 2)[0], CultureInfo.InvariantCulture);
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return new Migration(version, name, reader.ReadToEnd());
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    /// <summary>The schema version the database is at (0: none of ours yet).</summary>
    public static async Task<int> VersionAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            return 0;
        await using var max = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
        return (int)(await max.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Applies the migrations the database lacks; returns those applied (none when it is up to date).</summary>
    public static async Task<IReadOnlyList<Migration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken,
        IReadOnlyList<Migration>? migrations = null)
    {
        migrations ??= Known();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version integer PRIMARY KEY,
                name text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM schema_migrations", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                applied.Add(reader.GetInt32(0));
        }

        var missing = migrations.Where(m => !applied.Contains(m.Version)).ToList();
        foreach (var migration in missing)
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return missing;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
