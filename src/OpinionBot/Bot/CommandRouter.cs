using OpinionBot.Localization;

namespace OpinionBot.Bot;

/// <summary>Matches the first word(s) of a message against every command's words, English or Chinese, case-insensitively.</summary>
public sealed class CommandRouter
{
    private readonly List<(CommandWord Word, ICommand Command)> _words;

    public CommandRouter(IEnumerable<ICommand> commands)
    {
        Commands = commands.ToList();
        _words = Commands
            .SelectMany(c => c.Words.Select(w => (Word: w with { Word = CommandText.Normalize(w.Word) }, Command: c)))
            .OrderByDescending(p => p.Word.Word.Length)
            .ToList();

        var duplicate = _words.GroupBy(p => p.Word.Word, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two commands claim the word '{duplicate.Key}'.");
    }

    public IReadOnlyList<ICommand> Commands { get; }

    public CommandMatch? Match(string text)
    {
        var normalized = CommandText.Normalize(text);
        foreach (var (word, command) in _words)
        {
            if (!normalized.StartsWith(word.Word, StringComparison.OrdinalIgnoreCase))
                continue;

            var rest = normalized[word.Word.Length..];
            if (rest.Length > 0 && !char.IsWhiteSpace(rest[0]) && !StartsFreely(word))
                continue;

            return new CommandMatch(command, word.Language, ArgumentsAsTyped(text, word.Word), word.Word);
        }

        return null;
    }

    /// <summary>What follows the command word in the text as the user typed it: notes and drafts keep their full-width punctuation.</summary>
    private static string ArgumentsAsTyped(string text, string word)
    {
        var typed = text.TrimStart();
        for (var end = 1; end <= typed.Length; end++)
        {
            if (CommandText.Normalize(typed[..end]).Equals(word, StringComparison.OrdinalIgnoreCase))
                return typed[end..].Trim();
        }

        return CommandText.Normalize(text)[word.Length..].Trim();
    }

    /// <summary>Chinese is written without spaces, so <c>查看2026-0042</c> is the word followed by its argument.</summary>
    private static bool StartsFreely(CommandWord word) => word.Language == Language.ZhCn;
}

public sealed record CommandMatch(ICommand Command, Language Language, string Arguments, string Word);
