using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Deployment;

/// <summary>
/// <c>dotnet publish src/OpinionBot</c> into a temporary folder, once for the test class (from the build the test run
/// already made, in its configuration), and the published app started as an operator would: <c>dotnet OpinionBot.dll</c>
/// from its folder, in the Production environment, with the settings a test gives as environment variables.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "opinionbot-publish", Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "OpinionBot", "OpinionBot.csproj");
        var result = await RunAsync("dotnet", ["publish", project, "-c", Configuration, "--no-build", "-o", Folder, "-nologo", "-v", "q"], RepositoryRoot.Path, [], TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"dotnet publish failed ({result.ExitCode}):\n{result.Output}");
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }

    /// <summary>Starts the published app until it exits (a refusal) or answers <c>GET /health</c>; the caller disposes it.</summary>
    public async Task<AppProcess> StartAsync(Dictionary<string, string?> environment)
    {
        var port = FreePort();
        var data = Path.Combine(Folder, "data-" + Guid.NewGuid().ToString("N"));
        var variables = new Dictionary<string, string?>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment.GetValueOrDefault("ASPNETCORE_ENVIRONMENT") ?? "Production",
            ["DOTNET_ENVIRONMENT"] = null,
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Storage__LiteDb__Path"] = Path.Combine(data, "opinionbot.db"),
            ["Schedule__OverdueScan"] = BotApplicationSchedules.NeverFires,
        };
        var process = Start("dotnet", [Path.Combine(Folder, "OpinionBot.dll")], Folder, variables);
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        await app.WaitUntilHealthyOrExitedAsync(TimeSpan.FromSeconds(60));
        return app;
    }

    private static Process Start(string file, IEnumerable<string> arguments, string directory, Dictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment)
        {
            if (value is null) start.Environment.Remove(key);
            else start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, string directory, Dictionary<string, string?> environment, TimeSpan timeout)
    {
        using var process = Start(file, arguments, directory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The schedule that never fires, so a started app sends nothing on its own.</summary>
internal static class BotApplicationSchedules
{
    public const string NeverFires = Support.BotApplication.NeverFires;
}

/// <summary>A running (or refused) published app and what it wrote.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    public AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>Standard error, once the process has exited.</summary>
    public Task<string> StandardError => _stderr;

    /// <summary>Standard output, once the process has exited.</summary>
    public Task<string> StandardOutput => _stdout;

    public async Task WaitUntilHealthyOrExitedAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        var clock = Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("health");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (clock.Elapsed > timeout)
                throw new TimeoutException($"The published app neither answered /health nor exited within {timeout.TotalSeconds:0} s.");
            await Task.Delay(100);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the app (SIGTERM first, as systemd and Docker do) and returns everything it wrote.</summary>
    public async Task<string> StopAsync()
    {
        if (!_process.HasExited)
        {
            Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try { await _process.WaitForExitAsync(cancel.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }

        return await _stdout + await _stderr;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
