namespace OpinionBot.Records.Files;

/// <summary>Deletes expired links and their generated files every few minutes (on the injected <see cref="TimeProvider"/>).</summary>
public sealed class ExpiredFileSweep(DownloadLinks links, TimeProvider time, ILogger<ExpiredFileSweep> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                if (links.DeleteExpired() is var deleted and > 0)
                    logger.LogInformation("Deleted {Count} expired download link(s)", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Deleting expired download links failed; trying again later");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
