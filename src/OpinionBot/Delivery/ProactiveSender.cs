using System.Text.Json;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Delivery;

/// <summary>
/// Sends and updates messages in conversations the bot has recorded, outside any turn — by putting them in the
/// outbox, which delivers them in order, paced and retried (see <see cref="OutboxDispatcher"/>).
/// </summary>
public sealed class ProactiveSender(OutboxStore outbox, OutboxSignal signal, TimeProvider time)
{
    /// <summary>
    /// Queues <paramref name="activity"/> for <paramref name="to"/>; returns the outbox message id (to update the message
    /// later, before its activity id is known). Listeners hear the activity id under <paramref name="correlationKey"/>.
    /// </summary>
    public long Enqueue(ConversationRecord to, Activity activity, string? correlationKey = null)
    {
        Address(to, activity);
        return Add(new OutboxMessage
        {
            ServiceUrl = to.ServiceUrl, ConversationId = to.BaseId, Kind = OutboxKind.Send, CorrelationKey = correlationKey,
        }, activity);
    }

    /// <summary>Queues an update in place of an earlier message: by its activity id when known, else by the outbox message that sends it.</summary>
    public long EnqueueUpdate(string serviceUrl, string conversationId, string? activityId, long? sentByMessageId, Activity activity)
    {
        if (string.IsNullOrEmpty(activityId) && sentByMessageId is null)
            throw new ArgumentException("An update needs the activity id or the outbox message that sends it.", nameof(activityId));
        activity.Type ??= ActivityTypes.Message;
        activity.Conversation = new ConversationAccount { Id = conversationId };
        return Add(new OutboxMessage
        {
            ServiceUrl = serviceUrl, ConversationId = conversationId, Kind = OutboxKind.Update,
            TargetActivityId = string.IsNullOrEmpty(activityId) ? null : activityId, TargetMessageId = string.IsNullOrEmpty(activityId) ? sentByMessageId : null,
        }, activity);
    }

    private long Add(OutboxMessage message, Activity activity)
    {
        var now = time.GetUtcNow();
        message.ConversationKey = OutboxMessage.KeyOf(message.ServiceUrl, message.ConversationId);
        message.ActivityJson = JsonSerializer.Serialize(activity, BotJson.Options);
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        var id = outbox.Enqueue(message);
        signal.Notify();
        return id;
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
