using JsonSerializer = System.Text.Json.JsonSerializer;
using LiteDB;
using Npgsql;
using NpgsqlTypes;
using OpinionBot.Cases;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Storage;
using OpinionBot.Storage.PostgreSql;
using OpinionBot.Testing;

namespace OpinionBot.LoadTest;

/// <summary>
/// The store a scan or briefing benchmark fills and reads: a fresh LiteDB file (bulk-inserted) or a throw-away
/// PostgreSQL server with the schema migrated (filled with <c>COPY … BINARY</c>, then analysed).
/// </summary>
public sealed class BenchStore : IDisposable
{
    private readonly string? _folder;
    private readonly PostgresServer? _server;

    private BenchStore(string? folder, ILiteDatabase? lite, PostgresServer? server, PostgresDatabase? postgres)
    {
        (_folder, LiteDb, _server, Postgres) = (folder, lite, server, postgres);
    }

    public ILiteDatabase? LiteDb { get; }

    public PostgresDatabase? Postgres { get; }

    public string Description => Postgres is null ? $"LiteDb ({Path.Combine(_folder!, "bench.db")})" : $"PostgreSql (throw-away server on port {_server!.Port}, durable)";

    /// <summary>Parses <c>--store LiteDb|PostgreSql</c> (case-insensitive); null when it is neither.</summary>
    public static bool? OnPostgreSql(string value) =>
        value.Equals("LiteDb", StringComparison.OrdinalIgnoreCase) ? false : value.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) ? true : null;

    public static BenchStore Open(bool postgreSql, string name)
    {
        if (!postgreSql)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"opinionbot-{name}-bench", Guid.NewGuid().ToString("N"));
            return new BenchStore(folder, LiteDbRegistration.Open(Path.Combine(folder, "bench.db")), null, null);
        }

        var server = PostgresServer.StartAsync(durable: true).GetAwaiter().GetResult();
        var database = new PostgresDatabase(server.ConnectionString);
        PostgresSchema.MigrateAsync(database.DataSource, CancellationToken.None).GetAwaiter().GetResult();
        return new BenchStore(null, null, server, database);
    }

    public void Insert(IReadOnlyList<Case> cases, IReadOnlyList<OwedStep> steps, IReadOnlyList<ZeroReport>? zeros = null)
    {
        if (LiteDb is { } lite)
        {
            lite.GetCollection<Case>("cases").InsertBulk(cases);
            new OwedStepStore(lite).InsertNew(steps);
            if (zeros is { Count: > 0 }) lite.GetCollection<ZeroReport>("zero_reports").InsertBulk(zeros);
            return;
        }

        using var connection = Postgres!.DataSource.OpenConnection();
        using (var copy = connection.BeginBinaryImport(
            "COPY cases (number, submission_id, unit_id, state, level, platform, reported_on, reported_at, reporter_key, doc) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var c in cases)
            {
                copy.StartRow();
                copy.Write(c.Number);
                copy.Write(c.SubmissionId);
                copy.Write(c.UnitId);
                copy.Write(c.State.ToString());
                copy.Write(c.Level.ToString());
                copy.Write(c.Platform.ToString());
                copy.Write(c.ReportedOn, NpgsqlDbType.Date);
                copy.Write(c.ReportedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                copy.Write(c.ReporterKey);
                copy.Write(JsonSerializer.Serialize(c, PostgresJson.Options), NpgsqlDbType.Jsonb);
            }

            copy.Complete();
        }

        using (var copy = connection.BeginBinaryImport(
            "COPY owed_steps (id, case_number, unit_id, open_due_at, due_at, done_at, next_slip_at, doc) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in steps)
            {
                copy.StartRow();
                copy.Write(s.Id);
                copy.Write(s.CaseNumber);
                copy.Write(s.UnitId);
                Instant(copy, s.OpenDueAt);
                copy.Write(s.DueAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                Instant(copy, s.DoneAt);
                Instant(copy, s.Open ? s.NextSlipAt : null);
                copy.Write(JsonSerializer.Serialize(s, PostgresJson.Options), NpgsqlDbType.Jsonb);
            }

            copy.Complete();
        }

        if (zeros is not { Count: > 0 }) return;
        using (var copy = connection.BeginBinaryImport("COPY zero_reports (id, unit_id, day, doc) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var z in zeros)
            {
                copy.StartRow();
                copy.Write(z.Id);
                copy.Write(z.UnitId);
                copy.Write(z.Day, NpgsqlDbType.Date);
                copy.Write(JsonSerializer.Serialize(z, PostgresJson.Options), NpgsqlDbType.Jsonb);
            }

            copy.Complete();
        }
    }

    /// <summary>After filling: a LiteDB checkpoint, or PostgreSQL's VACUUM ANALYZE (fresh statistics, visibility map for index-only scans).</summary>
    public void Settle()
    {
        if (LiteDb is { } lite)
        {
            lite.Checkpoint();
            return;
        }

        Postgres!.Execute("VACUUM ANALYZE");
    }

    /// <summary>The bytes the data take on disk.</summary>
    public long Size() => LiteDb is not null
        ? new FileInfo(Path.Combine(_folder!, "bench.db")).Length
        : Postgres!.Scalar<long>("SELECT pg_database_size(current_database())");

    private static void Instant(NpgsqlBinaryImporter copy, DateTimeOffset? value)
    {
        if (value is { } v) copy.Write(v.UtcDateTime, NpgsqlDbType.TimestampTz);
        else copy.WriteNull();
    }

    public void Dispose()
    {
        LiteDb?.Dispose();
        Postgres?.Dispose();
        _server?.Dispose();
        if (_folder is not null)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
