using System.Security.Claims;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Builder;

/// <summary>Sends a turn's outgoing activities and starts proactive turns.</summary>
public abstract class BotAdapter
{
    public abstract Task<ResourceResponse> SendActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    public abstract Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="callback"/> in a turn addressed to <paramref name="reference"/>, for proactive messages.</summary>
    public virtual async Task ContinueConversationAsync(ConversationReference reference, Func<ITurnContext, CancellationToken, Task> callback, CancellationToken cancellationToken)
    {
        var activity = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }
            .ApplyConversationReference(reference, isIncoming: true);
        var context = new TurnContext(this, activity, new ClaimsIdentity());
        await callback(context, cancellationToken);
    }
}
