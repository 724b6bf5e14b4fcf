using Microsoft.Extensions.Configuration;
using OpinionBot.Configuration;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Configuration;

public sealed class SampleSettingsTests
{
    [Fact]
    public void The_sample_settings_are_a_valid_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "appsettings.sample.json"))
            .Build();

        Assert.Empty(ConfigurationProblems.Find(configuration, "Production"));
    }

    [Fact]
    public void The_sample_shows_every_key_of_the_shipped_defaults()
    {
        var sample = Keys(Path.Combine(RepositoryRoot.Path, "appsettings.sample.json"));
        var shipped = Keys(Path.Combine(RepositoryRoot.Path, "src", "OpinionBot", "appsettings.json"))
            .Where(k => !k.StartsWith("Logging", StringComparison.Ordinal));

        Assert.Empty(shipped.Except(sample));
    }

    private static HashSet<string> Keys(string file) =>
        new ConfigurationBuilder().AddJsonFile(file).Build().AsEnumerable().Select(p => p.Key).ToHashSet();
}
