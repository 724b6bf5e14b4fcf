namespace OpinionBot.Delivery.Outbox;

/// <summary>Told when a message with a correlation key has been delivered, with the activity id Teams gave it.</summary>
public interface IOutboxDeliveryListener
{
    void Delivered(OutboxMessage message, string? activityId);
}
