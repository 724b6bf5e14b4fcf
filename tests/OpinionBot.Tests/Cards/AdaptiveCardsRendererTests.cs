using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Cards;

/// <summary>Every card goes through the official <c>adaptivecards</c> npm renderer: no parse or validation warning, and it renders.</summary>
public sealed class AdaptiveCardsRendererTests
{
    [Fact]
    public async Task Every_card_parses_validates_and_renders_without_a_warning()
    {
        var cards = CardCatalog.All().ToList();
        var input = Path.Combine(Path.GetTempPath(), $"opinionbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray(cards.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() }).ToArray()).ToJsonString());

        var results = await RunValidatorAsync(input);

        Assert.Equal(cards.Select(c => c.Name), results.Select(r => r.GetProperty("name").GetString()));
        foreach (var result in results)
        {
            var name = result.GetProperty("name").GetString();
            Assert.True(result.GetProperty("rendered").GetBoolean(), $"{name} did not render");
            Assert.True(result.GetProperty("warnings").GetArrayLength() == 0, $"{name}: {result.GetProperty("warnings")}");
        }
    }

    [Fact]
    public async Task The_validator_does_report_a_broken_card()
    {
        var broken = new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlok", ["text"] = "x" }) };
        var input = Path.Combine(Path.GetTempPath(), $"opinionbot-cards-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, new JsonArray(new JsonObject { ["name"] = "broken", ["card"] = broken }).ToJsonString());

        var result = Assert.Single(await RunValidatorAsync(input));

        Assert.NotEqual(0, result.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void Every_card_is_schema_1_5_and_under_the_teams_size_limit()
    {
        foreach (var (name, card) in CardCatalog.All())
        {
            Assert.Equal("1.5", (string?)card["version"]);
            Assert.True(Encoding.UTF8.GetByteCount(card.ToJsonString(BotFramework.Schema.BotJson.Options)) < AdaptiveCard.MaxBytes, name);
        }
    }

    [Fact]
    public void A_card_over_28_KB_is_refused_when_built()
    {
        var card = new AdaptiveCard().Add(CardElements.Text(new string('舆', 10_000)));

        Assert.Throws<InvalidOperationException>(() => card.ToJson());
    }

    [Fact]
    public void A_card_of_exactly_28_KB_as_sent_is_accepted_and_one_byte_more_is_refused()
    {
        static AdaptiveCard Card(int filler) => new AdaptiveCard().Add(CardElements.Text("舆情“引号”<b>&" + new string('a', filler)));
        int Sent(AdaptiveCard card) => Encoding.UTF8.GetByteCount(card.ToJson().ToJsonString(BotFramework.Schema.BotJson.Options));
        var filler = AdaptiveCard.MaxBytes - Sent(Card(0));

        Assert.Equal(AdaptiveCard.MaxBytes, Sent(Card(filler)));
        Assert.Throws<InvalidOperationException>(() => Card(filler + 1).ToJson());
    }

    private static async Task<List<JsonElement>> RunValidatorAsync(string input)
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "cards", "validate-cards.mjs");
        Assert.True(Directory.Exists(Path.Combine(RepositoryRoot.Path, "node_modules", "adaptivecards")),
            "node_modules/adaptivecards is missing: run `npm ci` at the repository root (README's test command does).");

        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(input);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        File.Delete(input);

        Assert.True(process.ExitCode == 0, $"validate-cards.mjs exited {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.EnumerateArray().ToList();
    }
}
