namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// Teams' rate limits for the outbox: per conversation (<see cref="SlidingWindowLimiter.TeamsPerConversation"/>) and for
/// the whole app (<c>Delivery:GlobalPerSecond</c>). <see cref="LocalDeliveryPacer"/> counts in memory (one instance);
/// <see cref="PostgreSql.PostgresDeliveryPacer"/> counts in the database, shared by every instance.
/// </summary>
public interface IDeliveryPacer
{
    /// <summary>Takes one send for <paramref name="conversationKey"/> under both limits, or says when the next is allowed.</summary>
    bool TryAcquire(string conversationKey, DateTimeOffset now, out DateTimeOffset availableAt);
}

/// <summary>The limits counted in this process: right for one instance.</summary>
public sealed class LocalDeliveryPacer(DeliveryOptions options) : IDeliveryPacer
{
    private const string AppKey = "*";

    private readonly SlidingWindowLimiter _perConversation = new(SlidingWindowLimiter.TeamsPerConversation);
    private readonly SlidingWindowLimiter _perApp = SlidingWindowLimiter.PerSecond(Math.Max(1, options.GlobalPerSecond));

    public bool TryAcquire(string conversationKey, DateTimeOffset now, out DateTimeOffset availableAt)
    {
        if (!_perConversation.TryAcquire(conversationKey, now, out availableAt))
            return false;
        if (_perApp.TryAcquire(AppKey, now, out availableAt))
            return true;
        _perConversation.Release(conversationKey, now);
        return false;
    }
}
