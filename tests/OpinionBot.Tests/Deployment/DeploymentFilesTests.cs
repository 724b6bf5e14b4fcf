using System.Diagnostics;
using OpinionBot.Testing;
using Xunit.Abstractions;

namespace OpinionBot.Tests.Deployment;

/// <summary>
/// The deployment files in <c>deploy/</c>: the systemd unit is checked by <c>systemd-analyze verify</c> (where the
/// machine has it), and both it and the Dockerfile keep the promises README makes about them. The image itself needs a
/// Docker engine to build, which the test machines do not run.
/// </summary>
public sealed class DeploymentFilesTests(ITestOutputHelper log)
{
    private static readonly string Deploy = Path.Combine(RepositoryRoot.Path, "deploy");

    private static string Read(string file) => File.ReadAllText(Path.Combine(Deploy, file));

    private static string[] Lines(string file) =>
        Read(file).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    [Fact]
    public async Task The_systemd_unit_passes_systemd_analyze_verify()
    {
        const string analyzer = "/usr/bin/systemd-analyze";
        if (!File.Exists(analyzer))
        {
            log.WriteLine($"{analyzer} is not installed here: the unit was not verified.");
            return;
        }

        var start = new ProcessStartInfo(analyzer) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(Path.Combine(Deploy, "opinionbot.service"));
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.DoesNotContain("opinionbot.service", output);
    }

    [Fact]
    public void The_systemd_unit_runs_the_published_app_as_its_own_user_with_its_data_in_the_state_directory()
    {
        var unit = Lines("opinionbot.service");

        Assert.Contains("Type=notify", unit);
        Assert.Contains("User=opinionbot", unit);
        Assert.Contains("WorkingDirectory=/opt/opinionbot", unit);
        Assert.Contains("ExecStart=/usr/bin/dotnet /opt/opinionbot/OpinionBot.dll", unit);
        Assert.Contains("Environment=ASPNETCORE_ENVIRONMENT=Production", unit);
        Assert.Contains("Environment=Storage__LiteDb__Path=/var/lib/opinionbot/opinionbot.db", unit);
        Assert.Contains("StateDirectory=opinionbot", unit);
        Assert.Contains("Environment=ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", unit);
        Assert.Contains("RestartPreventExitStatus=2", unit);
        Assert.Contains("EnvironmentFile=-/etc/opinionbot/opinionbot.env", unit);
        Assert.DoesNotContain(unit, l => l.Contains("MicrosoftAppPassword=", StringComparison.Ordinal));
    }

    [Fact]
    public void The_Dockerfile_builds_in_one_stage_and_runs_non_root_with_a_data_volume_and_a_health_check()
    {
        var lines = Lines("Dockerfile");

        Assert.Equal(2, lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)));
        Assert.Contains("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build", lines);
        Assert.Contains("FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime", lines);
        Assert.Contains(lines, l => l.StartsWith("RUN dotnet publish src/OpinionBot/OpinionBot.csproj -c Release", StringComparison.Ordinal));
        Assert.Equal("USER $APP_UID", lines.Last(l => l.StartsWith("USER ", StringComparison.Ordinal)));
        Assert.Contains("VOLUME [\"/data\"]", lines);
        Assert.Contains("Storage__LiteDb__Path=/data/opinionbot.db \\", lines);
        Assert.Contains(lines, l => l.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("http://127.0.0.1:8080/health", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"OpinionBot.dll\"]", lines);
        foreach (var copied in new[] { "Directory.Build.props", "Directory.Packages.props", "src/OpinionBot/OpinionBot.csproj", "src/OpinionBot.BotFramework/OpinionBot.BotFramework.csproj" })
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, copied)), copied);
    }

    [Fact]
    public void The_docker_build_context_leaves_out_build_outputs_and_local_data()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".dockerignore"));

        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "**/data/", "node_modules/", "*.db" }, ignored.ToHashSet());
    }
}
