using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace OpinionBot.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL database the stores share: a pooled <see cref="NpgsqlDataSource"/>, this instance's id (for outbox
/// leases), and the ambient session — the connection and transaction of the <see cref="PostgresStoreTransaction"/>
/// work running on this thread. A store statement runs in that transaction when there is one, else on a pooled
/// connection of its own, committed at once. Parameters are positional (<c>$1</c>, <c>$2</c> …).
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    [ThreadStatic]
    private static PostgresSession? t_session;

    public PostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var settings = builder.ConnectionStringBuilder;
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        bool Given(string keyword) => given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), keyword, StringComparison.OrdinalIgnoreCase));
        if (!Given("ApplicationName"))
            settings.ApplicationName = "OpinionBot";
        // The stores run a few hundred distinct statements, over and over: prepared once per connection, PostgreSQL
        // skips parsing and planning them. No session state is ever changed, so a connection needs no reset between
        // uses (a reset would also drop the prepared statements). Either can still be set in the connection string.
        if (!Given("MaxAutoPrepare"))
            settings.MaxAutoPrepare = 256;
        if (!Given("NoResetOnClose"))
            settings.NoResetOnClose = true;
        DataSource = builder.Build();
        InstanceId = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
    }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>This process's name among the instances sharing the database: host, process id and a random part.</summary>
    public string InstanceId { get; }

    /// <summary>The session of the work running on this thread against this database, if any.</summary>
    internal PostgresSession? Session => t_session is { } session && session.Database == this ? session : null;

    internal void Enter(PostgresSession? session) => t_session = session;

    /// <summary>Runs <paramref name="work"/> on the ambient transaction's connection, or on a pooled connection of its own.</summary>
    public T Use<T>(Func<NpgsqlConnection, NpgsqlTransaction?, T> work)
    {
        if (Session is { } session)
            return work(session.Connection, session.Transaction);
        using var connection = DataSource.OpenConnection();
        return work(connection, null);
    }

    public int Execute(string sql, params object?[] args) =>
        Use((connection, transaction) =>
        {
            using var command = Command(connection, transaction, sql, args);
            return command.ExecuteNonQuery();
        });

    /// <summary>The first column of the first row, or default when there is no row (or it is null).</summary>
    public T? Scalar<T>(string sql, params object?[] args) =>
        Use((connection, transaction) =>
        {
            using var command = Command(connection, transaction, sql, args);
            using var reader = command.ExecuteReader();
            return reader.Read() && !reader.IsDBNull(0) ? reader.GetFieldValue<T>(0) : default;
        });

    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params object?[] args) =>
        Use((connection, transaction) =>
        {
            using var command = Command(connection, transaction, sql, args);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
                rows.Add(read(reader));
            return rows;
        });

    public bool Exists(string sql, params object?[] args) =>
        Use((connection, transaction) =>
        {
            using var command = Command(connection, transaction, sql, args);
            using var reader = command.ExecuteReader();
            return reader.Read();
        });

    /// <summary>The documents (first column, jsonb) the query returns.</summary>
    public List<T> Documents<T>(string sql, params object?[] args) => Query(sql, Document<T>, args);

    /// <summary>The first document the query returns, or null.</summary>
    public T? FindDocument<T>(string sql, params object?[] args) where T : class =>
        Use((connection, transaction) =>
        {
            using var command = Command(connection, transaction, sql, args);
            using var reader = command.ExecuteReader();
            return reader.Read() ? Document<T>(reader) : null;
        });

    public static T Document<T>(NpgsqlDataReader reader) =>
        JsonSerializer.Deserialize<T>(reader.GetFieldValue<byte[]>(0), PostgresJson.Options)
        ?? throw new InvalidDataException($"A null {typeof(T).Name} document.");

    /// <summary>A jsonb parameter holding <paramref name="value"/> as the stores serialize it.</summary>
    public static NpgsqlParameter Json<T>(T value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = JsonSerializer.Serialize(value, PostgresJson.Options) };

    public static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params object?[] args)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var arg in args)
            command.Parameters.Add(Parameter(arg));
        return command;
    }

    /// <summary>Instants go as UTC <c>timestamptz</c>, enums by name, null as NULL.</summary>
    public static NpgsqlParameter Parameter(object? value) => value switch
    {
        NpgsqlParameter parameter => parameter,
        null => new NpgsqlParameter { Value = DBNull.Value },
        DateTimeOffset instant => new NpgsqlParameter { Value = instant.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
        Enum name => new NpgsqlParameter { Value = name.ToString(), NpgsqlDbType = NpgsqlDbType.Text },
        _ => new NpgsqlParameter { Value = value },
    };

    /// <summary>A <c>timestamptz</c> column as an instant (UTC).</summary>
    public static DateTimeOffset Instant(NpgsqlDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    public static DateTimeOffset? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);

    public void Dispose() => DataSource.Dispose();
}

/// <summary>One unit of work's connection and transaction, and what it asked to run after the commit.</summary>
internal sealed class PostgresSession(PostgresDatabase database, NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public PostgresDatabase Database { get; } = database;

    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public List<Action> AfterCommit { get; } = [];
}
