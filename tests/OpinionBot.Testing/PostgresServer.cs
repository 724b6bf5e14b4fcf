using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OpinionBot.Testing;

/// <summary>
/// A throw-away PostgreSQL server from the Debian <c>postgresql</c> package (no Docker): <c>initdb</c> into a temporary
/// folder, <c>pg_ctl start</c> on a free loopback port with its unix socket in that folder, one database created, and
/// everything stopped (<c>pg_ctl stop -m immediate</c>) and deleted on dispose. As root (CI, these machines) the server
/// runs as the <c>postgres</c> user the package creates, since <c>initdb</c> refuses root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable, IDisposable
{
    private const string Superuser = "postgres";
    private readonly string _bin;
    private int _stopped;

    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    public string SocketFolder => Path.Combine(Folder, "socket");

    public int Port { get; }

    public string Database { get; }

    /// <summary>Npgsql connection string for <see cref="Database"/> as the superuser over loopback TCP.</summary>
    public string ConnectionString => ConnectionStringFor(Database);

    private PostgresServer(string bin, string folder, int port, string database)
    {
        _bin = bin;
        Folder = folder;
        Port = port;
        Database = database;
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database, Timeout = 30 }.ConnectionString;

    /// <summary>
    /// Starts a server with <paramref name="database"/> created. <paramref name="durable"/> false (tests) turns off
    /// fsync and synchronous commit for speed; true keeps PostgreSQL's defaults (benchmarks).
    /// </summary>
    public static async Task<PostgresServer> StartAsync(string database = "opinionbot", bool durable = false, CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries();
        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-pg", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        var server = new PostgresServer(bin, folder, FreePort(), database);
        try
        {
            if (RunsAsRoot)
                await RunAsync("chown", ["-R", $"{Superuser}:{Superuser}", folder], asServerUser: false, cancellationToken);

            await server.RunToolAsync("initdb", ["-D", server.DataFolder, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], cancellationToken);
            var settings = $"-p {server.Port} -k {server.SocketFolder} -c listen_addresses=127.0.0.1 -c max_connections=200"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            await server.RunToolAsync("pg_ctl", ["-D", server.DataFolder, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"], cancellationToken);

            await using var connection = new NpgsqlConnection(server.ConnectionStringFor("postgres"));
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The newest <c>/usr/lib/postgresql/VERSION/bin</c> with initdb and pg_ctl, or <c>PG_BIN</c> when set.</summary>
    public static string FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured)
            return HasTools(configured) ? configured : throw new InvalidOperationException($"PG_BIN={configured} holds no initdb and pg_ctl.");

        const string root = "/usr/lib/postgresql";
        var found = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => (Version: int.TryParse(Path.GetFileName(d).Split('.')[0], out var v) ? v : 0, Bin: Path.Combine(d, "bin")))
                .Where(d => HasTools(d.Bin))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault()
            : null;
        return found ?? throw new InvalidOperationException(
            $"No PostgreSQL server under {root}/<version>/bin (initdb, pg_ctl): install the Debian package postgresql (.ci/run does), or set PG_BIN.");
    }

    private static bool HasTools(string bin) => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl"));

    private static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private Task RunToolAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_bin, tool), arguments, asServerUser: RunsAsRoot, cancellationToken);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asServerUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asServerUser ? "runuser" : program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServerUser)
        {
            foreach (var argument in new[] { "-u", Superuser, "--", program })
                start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        // pg_ctl start leaves the server holding inherited handles: read to the end only what the tool itself wrote.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await errors}\n{await output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The postmaster's process id (its backends are its children), from <c>postmaster.pid</c>.</summary>
    public int PostmasterId =>
        int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The server's log (for failure messages).</summary>
    public string Log()
    {
        var path = Path.Combine(Folder, "server.log");
        return File.Exists(path) ? File.ReadAllText(path) : "(no server log)";
    }

    /// <summary>Stops the server at once (no checkpoint: it is thrown away) and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
                await RunToolAsync("pg_ctl", ["-D", DataFolder, "-m", "immediate", "-w", "-t", "30", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            KillPostmaster();
        }

        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the folder is under /tmp and will go with it.
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private void KillPostmaster()
    {
        try
        {
            var pid = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}
