using OpinionBot.Scheduling;

namespace OpinionBot.Delivery.Outbox;

/// <summary>Wakes the dispatcher loop when something was enqueued.</summary>
public sealed class OutboxSignal : WakeSignal;
