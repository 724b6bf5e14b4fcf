namespace OpinionBot.Delivery;

/// <summary>The <c>Delivery</c> section: how the outbox retries proactive messages.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts before a message is dead-lettered (logged and left in the outbox as Dead).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first back-off when Teams gives no Retry-After; doubled on each attempt, with full jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest computed back-off (a Retry-After from Teams is honoured as given).</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Conversations delivered to at the same time.</summary>
    public int MaxParallelConversations { get; set; } = 8;

    /// <summary>Requests per second to the Connector for the whole app (Teams allows about 50 per app per tenant).</summary>
    public int GlobalPerSecond { get; set; } = 50;
}
