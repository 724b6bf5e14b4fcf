namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// Runs the dispatcher for the life of the service. It starts with whatever is pending in LiteDB (messages enqueued
/// before a restart), then sleeps until the next message is due (on <see cref="TimeProvider"/>) or until something is
/// enqueued (<see cref="OutboxSignal"/>), whichever is first.
/// </summary>
public sealed class OutboxService(OutboxDispatcher dispatcher, IOutboxStore store, OutboxSignal signal, TimeProvider time, ILogger<OutboxService> logger)
    : BackgroundService
{
    /// <summary>The longest sleep with nothing due: a safety net for messages enqueued without a signal.</summary>
    public static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan SentRetention = TimeSpan.FromDays(7);
    private static readonly TimeSpan ErrorPause = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var pending = store.Count(OutboxState.Pending);
        if (pending > 0)
            logger.LogInformation("Outbox: {Pending} message(s) pending from before the start", pending);

        var lastPurge = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = IdleWait;
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
                var now = time.GetUtcNow();
                if (dispatcher.NextDueAt is { } due)
                    wait = due <= now ? TimeSpan.Zero : due - now < IdleWait ? due - now : IdleWait;
                if (now - lastPurge > TimeSpan.FromHours(1))
                {
                    lastPurge = now;
                    store.PurgeSent(now - SentRetention);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Outbox dispatch failed; trying again shortly");
                wait = ErrorPause;
            }

            if (wait > TimeSpan.Zero)
                await WaitAsync(wait, stoppingToken);
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var signalled = signal.WaitAsync(woken.Token);
        var elapsed = Task.Delay(wait, time, woken.Token);
        await Task.WhenAny(signalled, elapsed);
        await woken.CancelAsync();
        try
        {
            await Task.WhenAll(signalled, elapsed);
        }
        catch (OperationCanceledException)
        {
            // One of the two was cancelled, as intended.
        }
    }
}
