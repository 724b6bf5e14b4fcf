using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// An <see cref="OutboxMessage"/> as the BSON mapper writes it, field for field and in the same order, written directly:
/// every report queues one (its approval card) inside the store's single writer. Reading stays with the mapper. A test
/// fills every member by reflection and compares the bytes with the mapper's, so a member added without adding it here
/// fails it.
/// </summary>
public static class OutboxMessageDocument
{
    /// <summary>The document; without <c>_id</c> while the message has none yet (0), so the collection numbers it.</summary>
    public static BsonDocument Of(OutboxMessage message)
    {
        var document = new BsonDocument();
        if (message.Id != 0) document["_id"] = message.Id;
        document[nameof(OutboxMessage.ConversationKey)] = message.ConversationKey;
        document[nameof(OutboxMessage.ServiceUrl)] = message.ServiceUrl;
        document[nameof(OutboxMessage.ConversationId)] = message.ConversationId;
        document[nameof(OutboxMessage.Kind)] = message.Kind.ToString();
        document[nameof(OutboxMessage.ActivityJson)] = message.ActivityJson;
        document.SetUnlessNull(nameof(OutboxMessage.TargetActivityId), message.TargetActivityId);
        if (message.TargetMessageId is { } targetMessageId) document[nameof(OutboxMessage.TargetMessageId)] = targetMessageId;
        document.SetUnlessNull(nameof(OutboxMessage.CorrelationKey), message.CorrelationKey);
        document[nameof(OutboxMessage.State)] = message.State.ToString();
        document[nameof(OutboxMessage.Attempts)] = message.Attempts;
        document[nameof(OutboxMessage.NextAttemptAt)] = LiteDbMapper.Instant(message.NextAttemptAt);
        document[nameof(OutboxMessage.CreatedAt)] = LiteDbMapper.Instant(message.CreatedAt);
        document.SetUnlessNull(nameof(OutboxMessage.SentAt), message.SentAt);
        document.SetUnlessNull(nameof(OutboxMessage.SentActivityId), message.SentActivityId);
        document.SetUnlessNull(nameof(OutboxMessage.LastError), message.LastError);
        return document;
    }
}
