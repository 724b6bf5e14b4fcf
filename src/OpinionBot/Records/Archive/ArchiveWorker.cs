using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Records.Dossier;

namespace OpinionBot.Records.Archive;

/// <summary>
/// Makes the packages of archived cases, after their archiving committed: woken by <see cref="ArchiveSignal"/>, and
/// every minute for requests left from before a restart or a failure. A failed attempt is logged and tried again, up to
/// <see cref="ArchiveRequests.MaxAttempts"/> times.
/// </summary>
public sealed class ArchiveWorker(
    ArchivePackages packages,
    ArchiveRequests requests,
    ArchivePackageBuilder builder,
    CaseDossiers dossiers,
    ICaseStore cases,
    ArchiveSignal signal,
    BotTexts texts,
    OrganizationClock clock,
    TimeProvider time,
    ILogger<ArchiveWorker> logger) : BackgroundService
{
    public const string SystemActorKey = "opinionbot";
    public static readonly TimeSpan IdleWait = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogError(ex, "Archive packaging pass failed; trying again later");
            }

            using var woken = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            try
            {
                await Task.WhenAny(signal.WaitAsync(woken.Token), Task.Delay(IdleWait, time, woken.Token));
            }
            finally
            {
                await woken.CancelAsync();
            }
        }
    }

    /// <summary>Packages every pending request now (one pass at a time); returns how many packages were kept.</summary>
    public async Task<int> RunPendingAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken);
        try
        {
            var kept = 0;
            foreach (var request in requests.Pending())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (PackageOne(request.CaseNumber)) kept++;
            }

            return kept;
        }
        finally
        {
            _pass.Release();
        }
    }

    private bool PackageOne(string caseNumber)
    {
        try
        {
            if (cases.Find(caseNumber) is not { State: CaseState.Archived } c || packages.KeptFor(caseNumber) is not null)
            {
                requests.Forget(caseNumber);
                return false;
            }

            var language = clock.DefaultLanguage;
            var system = texts.Get(language, "archive.systemActor");
            using var package = builder.Build(dossiers.Of(c), language, system);
            return packages.Keep(package, caseNumber, SystemActorKey, system) is not null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Packaging archived case {CaseNumber} failed", caseNumber);
            requests.Failed(caseNumber, ex);
            return false;
        }
    }
}
