using System.Text.Json;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Builder;

/// <summary>Dispatches a turn by activity type, the way the SDK's ActivityHandler does; unhandled types do nothing.</summary>
public abstract class ActivityHandler : IBot
{
    public const string AdaptiveCardActionInvokeName = "adaptiveCard/action";

    public virtual Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Type switch
        {
            ActivityTypes.Message => OnMessageActivityAsync(turnContext, cancellationToken),
            ActivityTypes.ConversationUpdate => OnConversationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.InstallationUpdate => OnInstallationUpdateActivityAsync(turnContext, cancellationToken),
            ActivityTypes.Invoke => HandleInvokeAsync(turnContext, cancellationToken),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Answers an invoke; the default is 501, as for an invoke the bot does not know. An <c>adaptiveCard/action</c>
    /// whose value is not of the Universal Actions shape, or whose button data a handler cannot read, throws
    /// <see cref="InvalidActivityValueException"/>: the adapter answers 400.
    /// </summary>
    protected virtual async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == AdaptiveCardActionInvokeName)
        {
            var value = AdaptiveCardInvokeValue.TryRead(turnContext.Activity.Value, out var problem)
                ?? throw new InvalidActivityValueException(problem!);
            try
            {
                var response = await OnAdaptiveCardInvokeAsync(turnContext, value, cancellationToken);
                return new InvokeResponse { Status = 200, Body = response };
            }
            catch (JsonException exception)
            {
                throw new InvalidActivityValueException($"The button's data cannot be read: {exception.Message}", exception);
            }
        }

        return new InvokeResponse { Status = 501 };
    }

    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "NotSupported", $"The verb '{invokeValue.Action?.Verb}' is not supported."));

    private async Task HandleInvokeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var response = await OnInvokeActivityAsync(turnContext, cancellationToken);
        await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.InvokeResponse, Value = response }, cancellationToken);
    }
}
