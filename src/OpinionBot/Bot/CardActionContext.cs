using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Bot;

/// <summary>One card button press: the turn, the action with its data, the card's language and who pressed it.</summary>
public sealed class CardActionContext(ITurnContext turn, AdaptiveCardInvokeAction action, Language language, Actor actor, BotTexts texts)
{
    public ITurnContext Turn { get; } = turn;
    public AdaptiveCardInvokeAction Action { get; } = action;
    public Language Language { get; } = language;
    public Actor Actor { get; } = actor;

    public string Text(string key, params object?[] args) => texts.Get(Language, key, args);
}
