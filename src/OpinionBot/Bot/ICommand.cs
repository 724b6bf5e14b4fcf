using OpinionBot.Localization;

namespace OpinionBot.Bot;

/// <summary>A chat command such as <c>help</c>/<c>帮助</c>.</summary>
public interface ICommand
{
    /// <summary>The words that start the command, each in its language.</summary>
    IReadOnlyList<CommandWord> Words { get; }

    /// <summary>Text key of the one-line description shown by <c>help</c>.</summary>
    string DescriptionKey { get; }

    /// <summary>What follows the word, as shown by <c>help</c> (e.g. <c>2026-0042</c>); empty when nothing does.</summary>
    string ArgumentHint => "";

    /// <summary>Whether only people on the roster may use it; <see cref="CommandContext.Actor"/> is set when so.</summary>
    bool RequiresRoster => true;

    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);
}

public sealed record CommandWord(string Word, Language Language);
