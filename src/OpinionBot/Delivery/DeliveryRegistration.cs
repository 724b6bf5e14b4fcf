using Microsoft.Extensions.Options;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;

namespace OpinionBot.Delivery;

public static class DeliveryRegistration
{
    /// <summary>The outbox: the enqueue side (<see cref="ProactiveSender"/>), its store, and the dispatcher running as a hosted service.</summary>
    public static IServiceCollection AddDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.AddStore<IOutboxStore, OutboxStore, Outbox.PostgreSql.PostgresOutboxStore>();
        services.AddSingleton<Outbox.PostgreSql.PostgresDeliveryPacer>();
        services.AddSingleton<IDeliveryPacer>(sp => StorageRegistration.Chosen(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<Outbox.PostgreSql.PostgresDeliveryPacer>()
            : new LocalDeliveryPacer(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton(sp => new RetryPolicy(sp.GetRequiredService<IOptions<DeliveryOptions>>().Value));
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ProactiveSender>();
        services.AddSingleton<Recipients>();
        services.AddHostedService<OutboxService>();
        return services;
    }
}
