using OpinionBot.Bot;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;
using Quartz;

namespace OpinionBot.Briefings;

public static class BriefingRegistration
{
    /// <summary>Subscriptions, the daily briefing and weekly summary (Quartz jobs plus a catch-up at start), and <c>stats</c>.</summary>
    public static IServiceCollection AddBriefings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStore<BriefingStore>();
        services.AddSingleton<BriefingAggregator>();
        services.AddSingleton<BriefingCards>();
        services.AddSingleton<WeeklyChart>();
        services.AddSingleton<BriefingSchedule>();
        services.AddSingleton<BriefingSender>();
        services.AddSingleton<BriefingCatchUp>();
        services.AddHostedService(sp => sp.GetRequiredService<BriefingCatchUp>());
        services.AddSingleton<ICommand, SubscribeCommand>();
        services.AddSingleton<ICommand, UnsubscribeCommand>();
        services.AddSingleton<ICommand, StatsCommand>();

        var schedule = configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new ScheduleOptions();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration.GetSection(OrganizationOptions.Section).Get<OrganizationOptions>()?.TimeZone ?? new OrganizationOptions().TimeZone);
        services.AddQuartz(q =>
        {
            q.AddJob<DailyBriefingJob>(j => j.WithIdentity(DailyBriefingJob.Key));
            q.AddTrigger(t => t.ForJob(DailyBriefingJob.Key).WithIdentity("daily-briefing", "briefings")
                .WithCronSchedule(schedule.DailyBriefing, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            q.AddJob<WeeklySummaryJob>(j => j.WithIdentity(WeeklySummaryJob.Key));
            q.AddTrigger(t => t.ForJob(WeeklySummaryJob.Key).WithIdentity("weekly-summary", "briefings")
                .WithCronSchedule(schedule.WeeklySummary, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
        return services;
    }
}
