using System.Diagnostics;

namespace OpinionBot.Tests.Configuration;

/// <summary>The real executable, started with a broken configuration, stops with one readable line per problem.</summary>
public sealed class InvalidConfigurationStartTests
{
    [Fact]
    public async Task The_service_refuses_to_start_and_lists_every_problem_without_a_stack_trace()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "OpinionBot.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
        {
            dll, "--Organization:TimeZone=Mars/Olympus", "--Schedule:WeeklySummary=on mondays",
            "--Organization:Units:0:Id=u1", "--Organization:Units:0:Name=U1",
            "--Workflow:Reminders:Interval=soon", "--Urls=http://127.0.0.1:0", "--Bot:AllowAnonymous=true",
        })
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, process.ExitCode);
        Assert.Equal("OpinionBot cannot start: 4 configuration problem(s).", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("- Organization:TimeZone 'Mars/Olympus'"));
        Assert.Contains(lines, l => l.StartsWith("- Schedule:WeeklySummary 'on mondays'"));
        Assert.Contains(lines, l => l.StartsWith("- Organization:Units:0 ('u1') has no supervising leader"));
        Assert.Contains(lines, l => l.StartsWith("- Workflow:Reminders:Interval is 'soon'"));
        Assert.DoesNotContain("Exception", await stderr + await stdout);
    }
}
