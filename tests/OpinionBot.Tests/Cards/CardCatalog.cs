using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Bot;
using OpinionBot.Help;
using OpinionBot.Localization;

namespace OpinionBot.Tests.Cards;

/// <summary>Every card the bot can produce, in both languages. A feature that adds a card adds it here.</summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, JsonObject Card)> All()
    {
        var texts = new BotTexts();
        var commands = new ServiceCollection().AddOpinionBot().BuildServiceProvider().GetRequiredService<CommandRouter>().Commands;
        foreach (var language in Enum.GetValues<Language>())
        {
            string Text(string key, object?[] args) => texts.Get(language, key, args);
            yield return ($"help.{language.Tag()}", HelpCard.Build(commands, language, Text).ToJson());
        }
    }
}
