namespace OpinionBot.Storage;

public static class StoreRegistration
{
    /// <summary>Registers a LiteDB-only store as itself and as a declarer of indexes.</summary>
    public static IServiceCollection AddStore<TStore>(this IServiceCollection services) where TStore : class, ICollectionIndexes
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<ICollectionIndexes>(sp => sp.GetRequiredService<TStore>());
        return services;
    }

    /// <summary>
    /// Registers a store with both implementations: <typeparamref name="TService"/> resolves to
    /// <typeparamref name="TLiteDb"/> or <typeparamref name="TPostgres"/> as <c>Storage:Provider</c> says. Each is also
    /// registered as itself (the LiteDB one, as before, also as a declarer of indexes).
    /// </summary>
    public static IServiceCollection AddStore<TService, TLiteDb, TPostgres>(this IServiceCollection services)
        where TService : class
        where TLiteDb : class, TService, ICollectionIndexes
        where TPostgres : class, TService
    {
        services.AddStore<TLiteDb>();
        services.AddSingleton<TPostgres>();
        services.AddSingleton<TService>(sp => StorageRegistration.Chosen(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TLiteDb>());
        return services;
    }

    /// <summary>
    /// Registers a service with an implementation per provider, neither a store with indexes of its own (a reader over
    /// other stores' data): <typeparamref name="TService"/> resolves as <c>Storage:Provider</c> says.
    /// </summary>
    public static IServiceCollection AddChosen<TService, TLiteDb, TPostgres>(this IServiceCollection services)
        where TService : class
        where TLiteDb : class, TService
        where TPostgres : class, TService
    {
        services.AddSingleton<TLiteDb>();
        services.AddSingleton<TPostgres>();
        services.AddSingleton<TService>(sp => StorageRegistration.Chosen(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<TPostgres>()
            : sp.GetRequiredService<TLiteDb>());
        return services;
    }
}
