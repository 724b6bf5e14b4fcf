using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Bot;

/// <summary>What an Adaptive Card button (Action.Execute) does, by its <c>verb</c>. Only people on the roster reach it.</summary>
public interface ICardAction
{
    string Verb { get; }

    Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken);
}
