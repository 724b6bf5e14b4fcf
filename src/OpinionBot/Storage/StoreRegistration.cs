namespace OpinionBot.Storage;

public static class StoreRegistration
{
    /// <summary>Registers a store as itself and as a declarer of indexes.</summary>
    public static IServiceCollection AddStore<TStore>(this IServiceCollection services) where TStore : class, ICollectionIndexes
    {
        services.AddSingleton<TStore>();
        services.AddSingleton<ICollectionIndexes>(sp => sp.GetRequiredService<TStore>());
        return services;
    }
}
