using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;

namespace OpinionBot.Bot;

/// <summary>What an Adaptive Card button does, by its <c>verb</c>.</summary>
public interface ICardAction
{
    string Verb { get; }

    Task<AdaptiveCardInvokeResponse> HandleAsync(ITurnContext turn, AdaptiveCardInvokeAction action, Language language, CancellationToken cancellationToken);
}
