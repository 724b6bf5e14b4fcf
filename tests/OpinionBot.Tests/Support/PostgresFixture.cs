using System.Collections.Concurrent;
using Npgsql;
using OpinionBot.Storage.PostgreSql;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Support;

/// <summary>
/// One throw-away PostgreSQL server for the tests of the <c>PostgreSQL</c> collection (the whole run), with a fresh
/// database per test class (<see cref="DatabaseFor"/>), its schema migrated.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly ConcurrentDictionary<Type, Lazy<Task<string>>> _databases = new();
    private PostgresServer? _server;
    private int _created;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The PostgreSQL server has not started.");

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    /// <summary>The connection string of the database of <paramref name="testClass"/>: created and migrated the first time it is asked for.</summary>
    public Task<string> DatabaseFor(Type testClass) =>
        _databases.GetOrAdd(testClass, _ => new Lazy<Task<string>>(() => CreateDatabaseAsync(migrate: true))).Value;

    /// <summary>A new empty database (migrated when <paramref name="migrate"/>); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(bool migrate)
    {
        var name = $"test_{Interlocked.Increment(ref _created)}_{Guid.NewGuid().ToString("N")[..8]}";
        await using (var connection = new NpgsqlConnection(Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = Server.ConnectionStringFor(name);
        if (migrate)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await PostgresSchema.MigrateAsync(dataSource, CancellationToken.None);
        }

        return connectionString;
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
