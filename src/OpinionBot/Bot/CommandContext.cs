using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Bot;

/// <summary>One matched command: the turn, the answer's language and what followed the command word.</summary>
public sealed class CommandContext(ITurnContext turn, Language language, string arguments, BotTexts texts)
{
    public ITurnContext Turn { get; } = turn;
    public Language Language { get; } = language;
    public string Arguments { get; } = arguments;

    /// <summary>The speaker, for commands that require the roster.</summary>
    public Actor Actor { get; init; } = null!;

    /// <summary>The word the user typed the command with, for answers that quote it.</summary>
    public string Word { get; init; } = "";

    public string Text(string key, params object?[] args) => texts.Get(Language, key, args);

    public Task<ResourceResponse> ReplyAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.Locale ??= Language.Tag();
        return Turn.SendActivityAsync(activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyTextAsync(string key, CancellationToken cancellationToken, params object?[] args) =>
        ReplyAsync(Activity.CreateMessageActivity(Text(key, args)), cancellationToken);
}
