namespace OpinionBot.Delivery.Outbox;

/// <summary>Told what became of a message with a correlation key: delivered (with the activity id Teams gave it) or dead-lettered.</summary>
public interface IOutboxDeliveryListener
{
    void Delivered(OutboxMessage message, string? activityId);

    /// <summary>The outbox gave up on the message (<see cref="OutboxMessage.LastError"/> says why).</summary>
    void DeadLettered(OutboxMessage message)
    {
    }
}
