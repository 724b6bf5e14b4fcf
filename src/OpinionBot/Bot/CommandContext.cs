using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;

namespace OpinionBot.Bot;

/// <summary>One matched command: the turn, the answer's language and what followed the command word.</summary>
public sealed class CommandContext(ITurnContext turn, Language language, string arguments, BotTexts texts)
{
    public ITurnContext Turn { get; } = turn;
    public Language Language { get; } = language;
    public string Arguments { get; } = arguments;

    public string Text(string key, params object?[] args) => texts.Get(Language, key, args);

    public Task<ResourceResponse> ReplyAsync(Activity activity, CancellationToken cancellationToken)
    {
        activity.Locale ??= Language.Tag();
        return Turn.SendActivityAsync(activity, cancellationToken);
    }

    public Task<ResourceResponse> ReplyTextAsync(string key, CancellationToken cancellationToken, params object?[] args) =>
        ReplyAsync(Activity.CreateMessageActivity(Text(key, args)), cancellationToken);
}
