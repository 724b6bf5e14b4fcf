using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Connector;
using OpinionBot.BotFramework.Schema;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// Delivers what is due in the outbox. Per conversation, only the oldest pending message (the head) may go out, so
/// messages arrive in the order they were enqueued; a failing head holds back the rest of its conversation until it is
/// delivered or dead-lettered. Conversations are served in parallel, paced to Teams' per-conversation and per-app limits.
/// </summary>
public sealed class OutboxDispatcher
{
    /// <summary>The meter of the outbox's instruments (<c>dotnet-counters monitor --counters OpinionBot.Delivery</c>).</summary>
    public const string MeterName = "OpinionBot.Delivery";

    /// <summary>Histogram of the time an <see cref="IOutboxRenderer"/> took to render a message when it went out, in ms (tag <c>renderer</c>: its class).</summary>
    public const string RenderInstrument = "opinionbot.outbox.render.duration";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Histogram<double> RenderDurations = Meter.CreateHistogram<double>(
        RenderInstrument, "ms", "How long rendering a message's content took when the outbox sent it");

    private readonly IOutboxStore _store;
    private readonly IConnectorClientFactory _connectors;
    private readonly IEnumerable<IOutboxDeliveryListener> _listeners;
    private readonly IEnumerable<IOutboxRenderer> _renderers;
    private readonly TimeProvider _time;
    private readonly RetryPolicy _retry;
    private readonly DeliveryOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly IDeliveryPacer _pacer;
    private readonly SemaphoreSlim _pass = new(1, 1);
    private DateTimeOffset? _nextDueAt;

    /// <summary>One instance: Teams' limits counted in this process.</summary>
    public OutboxDispatcher(IOutboxStore store, IConnectorClientFactory connectors, IEnumerable<IOutboxDeliveryListener> listeners,
        IEnumerable<IOutboxRenderer> renderers, TimeProvider time, RetryPolicy retry, IOptions<DeliveryOptions> options, ILogger<OutboxDispatcher> logger)
        : this(store, connectors, listeners, renderers, time, retry, options, logger, new LocalDeliveryPacer(options.Value))
    {
    }

    public OutboxDispatcher(IOutboxStore store, IConnectorClientFactory connectors, IEnumerable<IOutboxDeliveryListener> listeners,
        IEnumerable<IOutboxRenderer> renderers, TimeProvider time, RetryPolicy retry, IOptions<DeliveryOptions> options, ILogger<OutboxDispatcher> logger,
        IDeliveryPacer pacer)
    {
        _store = store;
        _connectors = connectors;
        _listeners = listeners;
        _renderers = renderers;
        _time = time;
        _retry = retry;
        _options = options.Value;
        _logger = logger;
        _pacer = pacer;
    }

    /// <summary>After the last pass: the earliest time something pending becomes due (a back-off or a pacing slot), or null when nothing is pending.</summary>
    public DateTimeOffset? NextDueAt => _nextDueAt;

    /// <summary>Delivers everything due now (one pass at a time); returns how many messages were delivered.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var conversations = _store.ClaimDue(_time.GetUtcNow());
            var delivered = 0;
            DateTimeOffset? next = null;
            var gate = new Lock();
            await Parallel.ForEachAsync(conversations,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelConversations), CancellationToken = cancellationToken },
                async (queue, ct) =>
                {
                    var (count, due) = await DeliverConversationAsync(queue, ct);
                    lock (gate)
                    {
                        delivered += count;
                        if (due is { } d && (next is null || d < next)) next = d;
                    }
                });
            if (_store.NextClaimableAt(_time.GetUtcNow()) is { } claimable && (next is null || claimable < next))
                next = claimable;
            _nextDueAt = next;
            return delivered;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>
    /// Sends this conversation's messages in order until one is not due, is paced, or fails; returns when the rest is due.
    /// When the claimed ones are done, the conversation's next head is claimed (several instances: one at a time).
    /// </summary>
    private async Task<(int Delivered, DateTimeOffset? NextDue)> DeliverConversationAsync(IReadOnlyList<OutboxMessage> queue, CancellationToken cancellationToken)
    {
        var delivered = 0;
        var index = 0;
        while (NextOf(queue, ref index) is { } message)
        {
            var now = _time.GetUtcNow();
            if (message.NextAttemptAt > now)
                return (delivered, Hold(message, queue, index, message.NextAttemptAt));
            if (!_pacer.TryAcquire(message.ConversationKey, now, out var free))
                return (delivered, Hold(message, queue, index, free));

            if (!await AttemptAsync(message, cancellationToken))
                return (delivered, Hold(null, queue, index, message.State == OutboxState.Pending ? message.NextAttemptAt : _time.GetUtcNow()));
            if (message.State == OutboxState.Sent) delivered++;
        }

        // A full batch went out: more of the conversation may wait behind it, due at once.
        return (delivered, queue.Count >= IOutboxStore.ClaimBatch ? _time.GetUtcNow() : null);
    }

    /// <summary>The next claimed message of the conversation: from the list, then (several instances) its next head.</summary>
    private OutboxMessage? NextOf(IReadOnlyList<OutboxMessage> queue, ref int index)
    {
        if (index < queue.Count)
            return queue[index++];
        if (queue.Count == 0)
            return null;
        var next = _store.ClaimNext(queue[0].ConversationKey, _time.GetUtcNow());
        if (next is not null)
            index++;
        return next;
    }

    /// <summary>Gives back the claimed messages not attempted now (<paramref name="current"/>, and the list's from <paramref name="rest"/> on); returns <paramref name="due"/>.</summary>
    private DateTimeOffset Hold(OutboxMessage? current, IReadOnlyList<OutboxMessage> queue, int rest, DateTimeOffset due)
    {
        if (current is not null)
            _store.Release(current, due);
        for (var i = rest; i < queue.Count; i++)
            _store.Release(queue[i], due);
        return due;
    }

    /// <summary>One attempt at one message; false when the conversation has to wait (a retry is scheduled).</summary>
    private async Task<bool> AttemptAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        message.Attempts++;
        try
        {
            Activity activity;
            if (message.Kind != OutboxKind.RenderedSend)
                activity = JsonSerializer.Deserialize<Activity>(message.ActivityJson, BotJson.Options) ?? new Activity();
            else if (Render(message) is { } rendered)
                activity = rendered;
            else
                return true;

            var client = _connectors.Create(message.ServiceUrl);
            string? activityId;
            if (message.Kind != OutboxKind.Update)
            {
                activityId = (await client.SendToConversationAsync(message.ConversationId, activity, cancellationToken)).Id;
            }
            else
            {
                if (ResolveTarget(message) is not { } target) return true;
                activity.Id = target;
                activity.Conversation ??= new ConversationAccount { Id = message.ConversationId };
                await client.UpdateActivityAsync(message.ConversationId, target, activity, cancellationToken);
                activityId = target;
            }

            _store.MarkSent(message, activityId, _time.GetUtcNow());
            NotifyListeners(message, activityId);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: this attempt does not count; the message stays pending for the next start.
            message.Attempts--;
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Failed(message, ex);
        }
    }

    /// <summary>The rendered activity in the stored conversation, or null when it was dead-lettered (no renderer, or nothing left to show).</summary>
    private Activity? Render(OutboxMessage message)
    {
        var renderer = _renderers.FirstOrDefault(r => r.Renders(message));
        var why = $"no renderer takes {message.CorrelationKey ?? "a message without a correlation key"}";
        var started = Stopwatch.GetTimestamp();
        var rendered = renderer?.Render(message, out why);
        if (renderer is not null)
            RenderDurations.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("renderer", renderer.GetType().Name));
        if (rendered is not { } activity)
        {
            DeadLetter(message, $"nothing to render: {why}", null);
            return null;
        }

        activity.Type ??= ActivityTypes.Message;
        return activity.ApplyConversationReference(JsonSerializer.Deserialize<ConversationReference>(message.ActivityJson, BotJson.Options)!);
    }

    private string? ResolveTarget(OutboxMessage message)
    {
        if (message.TargetActivityId is { Length: > 0 } known) return known;
        var send = message.TargetMessageId is { } id ? _store.Find(id) : null;
        if (send is { State: OutboxState.Sent, SentActivityId.Length: > 0 }) return send.SentActivityId;

        // Ordering puts the send first in the same conversation, so it was delivered without an id, dead-lettered or purged.
        var why = send is null ? $"the message it updates ({message.TargetMessageId}) is gone"
            : send.State == OutboxState.Dead ? $"the message it updates ({send.Id}) was dead-lettered"
            : $"the message it updates ({send.Id}) is {send.State} without an activity id";
        DeadLetter(message, why, null);
        return null;
    }

    private bool Failed(OutboxMessage message, Exception exception)
    {
        var error = exception.Message;
        if (!RetryPolicy.IsTransient(exception))
        {
            DeadLetter(message, $"permanent failure: {error}", exception);
            return true; // The conversation moves on to its next message.
        }

        if (message.Attempts >= _retry.MaxAttempts)
        {
            DeadLetter(message, $"gave up after {message.Attempts} attempts: {error}", exception);
            return true;
        }

        var delay = _retry.Delay(message.Attempts, RetryPolicy.RetryAfterOf(exception));
        _store.Retry(message, error, _time.GetUtcNow() + delay);
        _logger.LogInformation("Outbox message {MessageId} to {ConversationKey} failed (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}: {Error}",
            message.Id, message.ConversationKey, message.Attempts, _retry.MaxAttempts, delay, error);
        return false;
    }

    private void DeadLetter(OutboxMessage message, string error, Exception? exception)
    {
        _store.MarkDead(message, error);
        _logger.LogError(exception, "Outbox message {MessageId} ({Kind}, {CorrelationKey}) to conversation {ConversationId} at {ServiceUrl} dead-lettered after {Attempts} attempt(s): {Error}",
            message.Id, message.Kind, message.CorrelationKey ?? "-", message.ConversationId, message.ServiceUrl, message.Attempts, error);
        if (message.CorrelationKey is not null)
            Tell(message, listener => listener.DeadLettered(message));
    }

    private void NotifyListeners(OutboxMessage message, string? activityId)
    {
        if (message.CorrelationKey is null) return;
        Tell(message, listener => listener.Delivered(message, activityId));
    }

    private void Tell(OutboxMessage message, Action<IOutboxDeliveryListener> tell)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                tell(listener);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                _logger.LogWarning(ex, "A delivery listener failed for outbox message {MessageId} ({CorrelationKey})", message.Id, message.CorrelationKey);
            }
        }
    }
}
