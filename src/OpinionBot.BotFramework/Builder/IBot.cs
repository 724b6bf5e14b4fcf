namespace OpinionBot.BotFramework.Builder;

public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}
