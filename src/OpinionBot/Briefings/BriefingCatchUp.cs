using OpinionBot.Configuration;
using OpinionBot.Storage;

namespace OpinionBot.Briefings;

/// <summary>
/// At start: a daily briefing or weekly summary whose last due time passed while the service was down (after the
/// schedule was first watched, and with no run recorded for its period) is sent now, marked late. The send is the
/// same idempotent one the Quartz jobs use, so it can never go out twice.
/// </summary>
public sealed class BriefingCatchUp(
    IBriefingStore store, BriefingSchedule schedule, BriefingSender sender, IStoreTransaction transaction, OrganizationClock clock, ILogger<BriefingCatchUp> logger)
    : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the catch-up has run (for tests and diagnostics).</summary>
    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            RunOnce();
            _done.TrySetResult();
        }
        catch (Exception e)
        {
            logger.LogError(e, "Briefing catch-up failed; the next scheduled run will still send its own period");
            _done.TrySetException(e);
        }
    }

    /// <summary>Sends what is owed; returns the periods sent late.</summary>
    public IReadOnlyList<string> RunOnce()
    {
        var now = clock.UtcNow;
        var sent = new List<string>();
        foreach (var kind in Enum.GetValues<BriefingKind>())
        {
            var since = transaction.Run(() => store.WatchedSince(kind, now));
            if (schedule.LastDue(kind, now) is not { } due || due <= since)
                continue;
            var period = schedule.PeriodOf(kind, due);
            if (!schedule.Send(sender, kind, period, late: true))
                continue;
            var key = kind == BriefingKind.Daily ? BriefingSender.DailyKey(period) : BriefingSender.WeeklyKey(period);
            logger.LogWarning("Briefing {Period} was due at {Due:u} while the service was down; sent now, marked late", key, due);
            sent.Add(key);
        }

        return sent;
    }
}
