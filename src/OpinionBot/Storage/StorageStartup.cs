using LiteDB;

namespace OpinionBot.Storage;

/// <summary>Opens the database when the service starts, so a bad path fails the start rather than the first message.</summary>
public sealed class StorageStartup(ILiteDatabase database, IEnumerable<ICollectionIndexes> stores, LogCheckpoints checkpoints, ILogger<StorageStartup> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var store in stores)
            store.EnsureIndexes();
        checkpoints.TakeOver();
        logger.LogInformation("LiteDB open with {CollectionCount} collections (user version {UserVersion})",
            database.GetCollectionNames().Count(), database.UserVersion);
        return Task.CompletedTask;
    }

    /// <summary>The database itself is disposed (and so checkpointed and closed) with the service provider, after every hosted service has stopped.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
