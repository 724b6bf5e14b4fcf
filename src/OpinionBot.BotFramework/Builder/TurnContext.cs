using System.Security.Claims;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Builder;

public sealed class TurnContext(BotAdapter adapter, Activity activity, ClaimsIdentity identity) : ITurnContext
{
    public const string InvokeResponseKey = "BotFrameworkAdapter.InvokeResponse";

    public Activity Activity { get; } = activity;
    public BotAdapter Adapter { get; } = adapter;
    public ClaimsIdentity Identity { get; } = identity;
    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>();
    public bool Responded { get; private set; }

    public Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default) =>
        SendActivityAsync(Activity.CreateMessageActivity(text), cancellationToken);

    public async Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ApplyConversationReference(Activity.GetConversationReference());
        activity.Type ??= ActivityTypes.Message;

        if (activity.Type == ActivityTypes.InvokeResponse)
        {
            TurnState[InvokeResponseKey] = activity;
            Responded = true;
            return new ResourceResponse();
        }

        var response = await Adapter.SendActivityAsync(this, activity, cancellationToken);
        Responded = true;
        return response;
    }

    public Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var reference = Activity.GetConversationReference();
        activity.ChannelId ??= reference.ChannelId;
        activity.ServiceUrl ??= reference.ServiceUrl;
        activity.Conversation ??= reference.Conversation;
        activity.From ??= reference.Bot;
        activity.Type ??= ActivityTypes.Message;
        return Adapter.UpdateActivityAsync(this, activity, cancellationToken);
    }

    /// <summary>The invoke response a handler produced, if any.</summary>
    public InvokeResponse? InvokeResponse =>
        TurnState.TryGetValue(InvokeResponseKey, out var value) && value is Activity { Value: InvokeResponse response } ? response : null;
}
