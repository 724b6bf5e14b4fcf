using OpinionBot.Bot;
using OpinionBot.Cards;
using OpinionBot.Localization;

namespace OpinionBot.Help;

/// <summary>The card that lists every command, in the reader's language with the other language's word beside it.</summary>
public static class HelpCard
{
    public static AdaptiveCard Build(IEnumerable<ICommand> commands, Language language, Func<string, object?[], string> text)
    {
        var rows = commands.Select(c => (Usage(c, language), text(c.DescriptionKey, [])));
        return new AdaptiveCard().Add(
            CardElements.Heading(text("help.title", [])),
            CardElements.Text(text("help.intro", [])),
            CardElements.Facts(rows),
            CardElements.Text(text("help.whereToType", []), subtle: true),
            CardElements.Text(text("help.languages", []), subtle: true));
    }

    private static string Usage(ICommand command, Language language)
    {
        var own = command.Words.First(w => w.Language == language).Word;
        var other = command.Words.FirstOrDefault(w => w.Language != language)?.Word;
        var hint = command.ArgumentHint.Length > 0 ? " " + command.ArgumentHint : "";
        return other is null ? own + hint : $"{own}{hint} / {other}{hint}";
    }
}
