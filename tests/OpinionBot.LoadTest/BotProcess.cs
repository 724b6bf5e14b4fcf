using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpinionBot.LoadTest;

/// <summary>
/// The real bot as its own process (<c>dotnet OpinionBot.dll</c>) on a free loopback port and a fresh LiteDB file; or
/// (<see cref="Attach"/>) a bot somebody else started, which is then neither stopped nor cleaned up.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly Process? _process;
    private readonly bool _owned;
    private readonly ConcurrentQueue<string> _output = new();
    private int _stopped;

    public Uri BaseAddress { get; }

    public string DataFolder { get; }

    public int? ProcessId => _process?.Id;

    private BotProcess(Process? process, Uri baseAddress, string dataFolder, bool owned)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataFolder = dataFolder;
        _owned = owned;
    }

    /// <summary>A bot already listening at <paramref name="baseAddress"/>; with its process id its CPU time can be read.</summary>
    public static BotProcess Attach(Uri baseAddress, int? processId) =>
        new(processId is { } pid ? Process.GetProcessById(pid) : null, baseAddress, "", owned: false);

    public static BotProcess Start(string botDll, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var dataFolder = Path.Combine(Path.GetTempPath(), "opinionbot-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);

        var start = new ProcessStartInfo("dotnet")
        {
            // The bot's folder, so its appsettings.json (time zone, default locale) is read as in production.
            WorkingDirectory = Path.GetDirectoryName(botDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(botDll);
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port}");
        start.ArgumentList.Add($"--Storage:LiteDb:Path={Path.Combine(dataFolder, "load.db")}");
        start.ArgumentList.Add("--Logging:LogLevel:Default=Warning");
        start.ArgumentList.Add("--Bot:AllowAnonymous=true"); // no credentials: anonymous must be asked for outside Development
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet " + botDll);
        var bot = new BotProcess(process, baseAddress, dataFolder, owned: true);
        process.OutputDataReceived += (_, e) => bot.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Waits (bounded) until <c>GET /health</c> answers 200.</summary>
    public async Task WaitUntilHealthyAsync(HttpClient client, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process is { HasExited: true })
                throw new InvalidOperationException($"The bot exited with code {_process.ExitCode} before it was healthy.\n{RecentOutput()}");

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "health"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > timeout)
                throw new TimeoutException($"The bot was not healthy within {timeout.TotalSeconds:0} s.\n{RecentOutput()}");
            await Task.Delay(100, cancellationToken);
        }
    }

    public string RecentOutput() => _output.IsEmpty ? "(the bot wrote nothing)" : "Bot output (last lines):\n  " + string.Join("\n  ", _output);

    public bool HasExited => _process is { HasExited: true };

    /// <summary>CPU time the bot process has used so far (user + system, all threads); null when its process is unknown.</summary>
    public TimeSpan? CpuTime
    {
        get
        {
            if (_process is null) return null;
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 40 && _output.TryDequeue(out _)) { }
    }

    /// <summary>Kills the bot's process tree and deletes its data folder; safe to call more than once, from any thread.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        if (_process is null || !_owned)
        {
            _process?.Dispose();
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
                break;
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
            catch (UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
