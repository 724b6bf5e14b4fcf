using System.Runtime.InteropServices;
using OpinionBot.Testing;

namespace OpinionBot.LoadTest;

/// <summary>
/// The <c>serve</c> mode: the bot exactly as the report benchmark starts it (fresh LiteDB file, test roster, a fake
/// connector), left running until Ctrl+C or SIGTERM, so a profiler can be attached to it and the benchmark pointed at
/// it with <c>--url</c> as often as needed.
/// </summary>
public static class ServeMode
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OpinionBot.LoadTest -- serve [--bot PATH] [--Key=Value ...]

          --bot PATH     the bot's OpinionBot.dll (default: src/OpinionBot/bin/Release/net10.0/OpinionBot.dll)
          --Key=Value    extra configuration for the bot (e.g. --Storage:LiteDb:Path=/tmp/x.db)

        Prints the bot's address and process id, then waits until Ctrl+C / SIGTERM and stops it.
        Then, for example:  dotnet run -c Release --project tests/OpinionBot.LoadTest -- --url URL --bot-pid PID
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var botArgs = new List<string>();
        var extra = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") { Console.WriteLine(Usage); return 0; }
            if (args[i] == "--bot" && i + 1 < args.Length) { botArgs.AddRange(["--bot", args[++i]]); continue; }
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].IndexOf('=') is var eq and > 2)
            {
                extra[args[i][2..eq]] = args[i][(eq + 1)..];
                continue;
            }

            Console.Error.WriteLine($"Unknown option '{args[i]}'.\n\n{Usage}");
            return 2;
        }

        // Reuse the benchmark's own resolution of the bot's path (and its messages).
        if (Options.Parse([.. botArgs], out var message) is not { } options)
        {
            Console.Error.WriteLine(message);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        void Stop(PosixSignalContext signal) { signal.Cancel = true; stop.Cancel(); }
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var connector = await FakeBotConnector.StartAsync();
        using var bot = BotProcess.Start(options.BotPath, TestRoster.Settings(extra));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => bot.Dispose();
        using var client = new HttpClient();
        await bot.WaitUntilHealthyAsync(client, TimeSpan.FromSeconds(60), stop.Token);
        Console.WriteLine($"listening {bot.BaseAddress} pid {bot.ProcessId} connector {connector.ServiceUrl}");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Stopped by a signal: the bot is stopped (and its data folder deleted) by Dispose.
        }

        return 0;
    }
}
