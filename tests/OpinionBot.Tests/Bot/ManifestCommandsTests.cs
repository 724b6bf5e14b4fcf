using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Bot;
using OpinionBot.Localization;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Bot;

/// <summary>
/// The commands Teams suggests (manifest and its zh-cn file) are ones the bot answers, in their language; Teams shows
/// at most 10 per list, so the core ones must be there and the rest (subscribe, unsubscribe, stats) may be left out.
/// </summary>
public sealed class ManifestCommandsTests
{
    private static readonly string[] Core = ["help", "report", "my", "case", "update", "zero"];

    [Fact]
    public void Every_manifest_command_is_a_command_word_in_its_language_and_the_core_commands_are_listed()
    {
        using var bot = new BotApplication();
        var words = bot.Services.GetRequiredService<CommandRouter>().Commands
            .ToDictionary(c => c.Words.First(w => w.Language == Language.EnUs).Word, c => c.Words.First(w => w.Language == Language.ZhCn).Word);
        Assert.Contains("attach", words.Keys);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "manifests", "manifest.json"))).RootElement;
        var chinese = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "manifests", "zh-cn.json"))).RootElement;

        var lists = manifest.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray().ToList();
        for (var i = 0; i < lists.Count; i++)
        {
            var titles = lists[i].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()!).ToList();
            Assert.InRange(titles.Count, 1, 10);
            Assert.Equal(titles.Count, titles.Distinct().Count());
            Assert.Subset(words.Keys.ToHashSet(), titles.ToHashSet());
            Assert.Superset(Core.ToHashSet(), titles.ToHashSet());
            for (var j = 0; j < titles.Count; j++)
                Assert.Equal(words[titles[j]], chinese.GetProperty($"bots[0].commandLists[{i}].commands[{j}].title").GetString());
        }
    }
}
