using OpinionBot.BotFramework.Connector;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;

namespace OpinionBot.Delivery;

/// <summary>Sends and updates messages in conversations the bot has recorded, outside any turn.</summary>
public sealed class ProactiveSender(IConnectorClientFactory connectors)
{
    /// <summary>Posts <paramref name="activity"/>; returns the id Teams gave it (for updates in place).</summary>
    public async Task<string?> SendAsync(ConversationRecord to, Activity activity, CancellationToken cancellationToken)
    {
        Address(to, activity);
        var response = await connectors.Create(to.ServiceUrl).SendToConversationAsync(to.BaseId, activity, cancellationToken);
        return response.Id;
    }

    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        activity.Type ??= ActivityTypes.Message;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        await connectors.Create(serviceUrl).UpdateActivityAsync(conversationId, activityId, activity, cancellationToken);
    }

    private static void Address(ConversationRecord to, Activity activity)
    {
        var reference = to.ToReference();
        activity.Type ??= ActivityTypes.Message;
        activity.ChannelId = reference.ChannelId;
        activity.ServiceUrl = reference.ServiceUrl;
        activity.Conversation = reference.Conversation;
        activity.From = reference.Bot;
        activity.Recipient = reference.User;
    }
}
