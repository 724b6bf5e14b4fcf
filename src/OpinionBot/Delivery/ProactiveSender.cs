using System.Text.Json;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;

namespace OpinionBot.Delivery;

/// <summary>
/// Sends and updates messages in conversations the bot has recorded, outside any turn — by putting them in the
/// outbox, which delivers them in order, paced and retried (see <see cref="OutboxDispatcher"/>). Called inside a
/// <see cref="IStoreTransaction"/>, the messages are part of it and the outbox is woken only once it commits.
/// </summary>
public sealed class ProactiveSender(IOutboxStore outbox, OutboxSignal signal, IStoreTransaction transaction, TimeProvider time)
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
        }, Json(activity));
    }

    /// <summary>
    /// Queues a send whose content is rendered when it goes out, by the <see cref="IOutboxRenderer"/> that takes
    /// <paramref name="correlationKey"/>; returns the outbox message id. Only the conversation reference is stored now.
    /// </summary>
    public long EnqueueRendered(ConversationRecord to, string correlationKey) =>
        Add(new OutboxMessage
        {
            ServiceUrl = to.ServiceUrl, ConversationId = to.BaseId, Kind = OutboxKind.RenderedSend, CorrelationKey = correlationKey,
        }, JsonSerializer.Serialize(to.ToReference(), BotJson.Options));

    /// <summary>Queues many sends at once (one LiteDB transaction, far cheaper than one insert each); in the given order.</summary>
    public IReadOnlyList<long> EnqueueAll(IEnumerable<(ConversationRecord To, Activity Activity)> messages)
    {
        var now = time.GetUtcNow();
        var batch = messages.Select(m =>
        {
            Address(m.To, m.Activity);
            return Prepare(new OutboxMessage { ServiceUrl = m.To.ServiceUrl, ConversationId = m.To.BaseId, Kind = OutboxKind.Send }, Json(m.Activity), now);
        }).ToList();
        if (batch.Count == 0) return [];
        var ids = outbox.EnqueueMany(batch);
        Wake();
        return ids;
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
        }, Json(activity));
    }

    private long Add(OutboxMessage message, string json)
    {
        var id = outbox.Enqueue(Prepare(message, json, time.GetUtcNow()));
        Wake();
        return id;
    }

    private void Wake() => transaction.AfterCommit(signal.Notify);

    private static string Json(Activity activity) => JsonSerializer.Serialize(activity, BotJson.Options);

    private static OutboxMessage Prepare(OutboxMessage message, string json, DateTimeOffset now)
    {
        message.ConversationKey = OutboxMessage.KeyOf(message.ServiceUrl, message.ConversationId);
        message.ActivityJson = json;
        message.CreatedAt = now;
        message.NextAttemptAt = now;
        return message;
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
