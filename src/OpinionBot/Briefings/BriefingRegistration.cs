using OpinionBot.Bot;
using OpinionBot.Storage;

namespace OpinionBot.Briefings;

public static class BriefingRegistration
{
    /// <summary>Subscriptions, the daily briefing and weekly summary (their Quartz jobs are in Scheduling), a catch-up at start, and <c>stats</c>.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services)
    {
        services.AddStore<IBriefingStore, BriefingStore, PostgreSql.PostgresBriefingStore>();
        services.AddSingleton<BriefingAggregator>();
        services.AddSingleton<PostgreSql.PostgresBriefingAggregator>();
        services.AddSingleton<IBriefingAggregator>(sp => StorageRegistration.Chosen(sp) == StorageProvider.PostgreSql
            ? sp.GetRequiredService<PostgreSql.PostgresBriefingAggregator>()
            : sp.GetRequiredService<BriefingAggregator>());
        services.AddSingleton<BriefingCards>();
        services.AddSingleton<WeeklyChart>();
        services.AddSingleton<BriefingSchedule>();
        services.AddSingleton<BriefingSender>();
        services.AddSingleton<BriefingCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<BriefingCatchUp>());
        services.AddSingleton<ICommand, SubscribeCommand>();
        services.AddSingleton<ICommand, UnsubscribeCommand>();
        services.AddSingleton<ICommand, StatsCommand>();

        return services;
    }
}
