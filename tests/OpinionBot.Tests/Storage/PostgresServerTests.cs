using Npgsql;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Storage;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Starts_a_real_server_answers_queries_and_is_gone_after_dispose()
    {
        string folder;
        int port;
        await using (var server = await PostgresServer.StartAsync("scratch"))
        {
            folder = server.Folder;
            port = server.Port;
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await using (var create = new NpgsqlCommand("CREATE TABLE t (id int PRIMARY KEY, name text); INSERT INTO t VALUES (1, '宣传部'), (2, 'office')", connection))
                await create.ExecuteNonQueryAsync();
            await using var query = new NpgsqlCommand("SELECT current_database(), (SELECT string_agg(name, ',' ORDER BY id) FROM t), current_setting('server_version_num')::int", connection);
            await using var reader = await query.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            Assert.Equal("scratch", reader.GetString(0));
            Assert.Equal("宣传部,office", reader.GetString(1));
            Assert.True(reader.GetInt32(2) >= 130000, "a PostgreSQL 13 or newer");
        }

        Assert.False(Directory.Exists(folder));
        await using var after = new NpgsqlConnection(new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = "postgres", Timeout = 2 }.ConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => after.OpenAsync());
    }
}
