using LiteDB;
using Microsoft.Extensions.Options;

namespace OpinionBot.Storage;

public static class LiteDbRegistration
{
    /// <summary>
    /// One LiteDB file for the whole service, opened when first used and closed (disposed) at shutdown. With
    /// <paramref name="hosted"/> (LiteDB is the chosen store) it is opened at start, its indexes ensured, its health checked.
    /// </summary>
    public static IServiceCollection AddLiteDbStorage(this IServiceCollection services, bool hosted = true)
    {
        services.AddSingleton(sp => new LiteDbFileClaim(DataFile(sp)));
        services.AddSingleton<ILiteDatabase>(sp =>
        {
            // Resolved first, so the container disposes it after the database (reverse order of creation).
            sp.GetRequiredService<LiteDbFileClaim>();
            return Open(DataFile(sp));
        });
        services.AddSingleton(sp => new LogCheckpoints(
            sp.GetRequiredService<ILiteDatabase>(), LogFileOf(DataFile(sp)), sp.GetRequiredService<ILogger<LogCheckpoints>>()));
        services.AddSingleton(sp => new StoreTransaction(
            sp.GetRequiredService<ILiteDatabase>(), LogFileOf(DataFile(sp)), sp.GetRequiredService<LogCheckpoints>()));
        services.AddSingleton<LiteDbBackup>();
        if (!hosted)
            return services;
        services.AddHostedService<StorageStartup>();
        services.AddHealthChecks().AddCheck<LiteDbHealthCheck>("litedb");
        return services;
    }

    private static string DataFile(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value.LiteDb.Path;

    /// <summary>LiteDB's write-ahead log beside the data file: <c>name-log.ext</c>.</summary>
    public static string LogFileOf(string path)
    {
        var fullPath = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + "-log" + Path.GetExtension(fullPath));
    }

    public static ILiteDatabase Open(string path)
    {
        var fullPath = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        return new LiteDatabase(new ConnectionString { Filename = fullPath, Connection = ConnectionType.Direct }, LiteDbMapper.Shared);
    }
}
