using Microsoft.Extensions.Options;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// The store chosen by <c>Storage:Provider</c>: the LiteDB file (default) or PostgreSQL, with its transactions,
    /// start-up work (LiteDB indexes, PostgreSQL migrations) and health check. Both stores' classes are registered
    /// (nothing is opened until used); the store interfaces resolve to the chosen provider's (see <see cref="StoreRegistration"/>).
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? StorageProvider.LiteDb;
        services.AddLiteDbStorage(hosted: provider == StorageProvider.LiteDb);
        services.AddSingleton(sp => new PostgresDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value.PostgreSql.ConnectionString));
        services.AddSingleton<PostgresStoreTransaction>();
        services.AddSingleton<IStoreTransaction>(sp => Chosen(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<PostgresStoreTransaction>()
            : sp.GetRequiredService<StoreTransaction>());
        if (provider == StorageProvider.PostgreSql)
        {
            services.AddHostedService<PostgresStartup>();
            services.AddHealthChecks().AddCheck<PostgresHealthCheck>("postgresql");
        }

        return services;
    }

    /// <summary>The provider the service runs on, as configured.</summary>
    public static StorageProvider Chosen(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider;
}
