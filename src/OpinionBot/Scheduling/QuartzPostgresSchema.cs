using Npgsql;
using Quartz;

namespace OpinionBot.Scheduling;

/// <summary>
/// Creates Quartz's tables in PostgreSQL when they are missing, before the scheduler starts, with the schema script
/// Quartz itself ships for this (embedded in the Quartz assembly we run, so it always matches its version: every
/// statement is <c>CREATE … IF NOT EXISTS</c> and nothing is dropped). Instances starting together take a
/// transaction-scoped advisory lock first, so the statements never race.
/// </summary>
public sealed class QuartzPostgresSchema(string connectionString, ILogger<QuartzPostgresSchema> logger) : IHostedService
{
    /// <summary>The resource holding Quartz's own PostgreSQL schema, in the Quartz assembly.</summary>
    public const string ScriptResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    /// <summary>Quartz's default table prefix (PostgreSQL folds it to lower case).</summary>
    public const string TablePrefix = "qrtz_";

    /// <summary>Any fixed number, the same in every instance: the advisory lock that serialises schema creation.</summary>
    private const long SchemaLock = 0x0B07_5C4E_D01E;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await EnsureAsync(connectionString, cancellationToken) is > 0 and var created)
            logger.LogInformation("Created {Count} Quartz tables in PostgreSQL", created);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates whatever of Quartz's tables and indexes is missing; returns how many tables it created.</summary>
    public static async Task<int> EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            take.Parameters.AddWithValue("key", SchemaLock);
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        var before = await CountTablesAsync(connection, transaction, cancellationToken);
        foreach (var statement in Statements())
        {
            await using var command = new NpgsqlCommand(statement, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var created = await CountTablesAsync(connection, transaction, cancellationToken) - before;
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    private static async Task<int> CountTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND starts_with(tablename, @prefix)", connection, transaction);
        count.Parameters.AddWithValue("prefix", TablePrefix);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Quartz's script, its statements separated by lines reading <c>--;;</c>, with the table prefix filled in.</summary>
    public static IReadOnlyList<string> Statements()
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"Quartz {typeof(IJob).Assembly.GetName().Version} ships no {ScriptResource}; create its tables by hand.");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
        return script.Split("\n--;;", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(s => s.Split('\n').Any(line => line.Trim() is { Length: > 0 } l && !l.StartsWith("--", StringComparison.Ordinal)))
            .ToList();
    }
}
