namespace OpinionBot.Delivery.Outbox;

/// <summary>One of Teams' limits: at most <paramref name="Limit"/> operations in any <paramref name="Window"/>.</summary>
public readonly record struct RateWindow(TimeSpan Window, int Limit);

/// <summary>
/// Sliding-window limits per key (a conversation, or one key for the whole app). Remembers when each granted
/// operation happened, for as long as the longest window; thread-safe.
/// </summary>
public sealed class SlidingWindowLimiter(IReadOnlyList<RateWindow> windows)
{
    /// <summary>Teams' limits for sends to one conversation thread (PROTOCOL.md "Teams rate limits").</summary>
    public static readonly IReadOnlyList<RateWindow> TeamsPerConversation =
    [
        new(TimeSpan.FromSeconds(1), 7),
        new(TimeSpan.FromSeconds(2), 8),
        new(TimeSpan.FromSeconds(30), 60),
        new(TimeSpan.FromHours(1), 1800),
    ];

    private readonly Dictionary<string, List<DateTimeOffset>> _granted = new(StringComparer.Ordinal);
    private readonly TimeSpan _longest = windows.Max(w => w.Window);
    private readonly Lock _gate = new();
    private DateTimeOffset _lastSweep = DateTimeOffset.MinValue;

    public static SlidingWindowLimiter PerSecond(int limit) => new([new RateWindow(TimeSpan.FromSeconds(1), limit)]);

    /// <summary>Takes a slot for <paramref name="key"/> at <paramref name="now"/>, or says when the next one frees up.</summary>
    public bool TryAcquire(string key, DateTimeOffset now, out DateTimeOffset availableAt)
    {
        lock (_gate)
        {
            Sweep(now);
            availableAt = AvailableAt(key, now);
            if (availableAt > now) return false;
            if (!_granted.TryGetValue(key, out var times))
                _granted[key] = times = [];
            times.Add(now);
            return true;
        }
    }

    /// <summary>Gives back the slot just taken (when the other limiter said no).</summary>
    public void Release(string key, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_granted.TryGetValue(key, out var times) && times.LastIndexOf(at) is var i and >= 0)
                times.RemoveAt(i);
        }
    }

    public DateTimeOffset AvailableAt(string key, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_granted.TryGetValue(key, out var times)) return now;
            var available = now;
            foreach (var (window, limit) in windows)
            {
                // Granted times are in order: the limit is reached when the limit-th latest is still inside the window.
                if (times.Count < limit) continue;
                var oldest = times[times.Count - limit];
                if (oldest + window > available) available = oldest + window;
            }

            return available;
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var times in _granted.Values)
        {
            var expired = times.FindIndex(t => t + _longest > now);
            times.RemoveRange(0, expired < 0 ? times.Count : expired);
        }

        if (now - _lastSweep < _longest) return;
        _lastSweep = now;
        foreach (var key in _granted.Where(p => p.Value.Count == 0).Select(p => p.Key).ToList())
            _granted.Remove(key);
    }
}
