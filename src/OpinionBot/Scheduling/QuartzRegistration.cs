using OpinionBot.Briefings;
using OpinionBot.Storage;
using Quartz;

namespace OpinionBot.Scheduling;

public static class QuartzRegistration
{
    /// <summary>
    /// Quartz.NET as a hosted service with the schedules of <c>Schedule:*</c>, each a cron in the organisation's time zone.
    /// On shutdown it waits for running jobs to finish.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var schedule = configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Organization:TimeZone"] ?? "Asia/Shanghai");
        services.AddStore<OnceMarkers>();
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            Schedule<OverdueScanJob>(q, "overdue-scan", schedule.OverdueScan, zone);
            Schedule<ZeroReportReminderJob>(q, "zero-report-reminder", schedule.ZeroReportReminder, zone);
            Schedule<ZeroReportDeadlineJob>(q, "zero-report-deadline", schedule.ZeroReportDeadline, zone);
            Schedule<DailyBriefingJob>(q, DailyBriefingJob.Key, schedule.DailyBriefing, zone);
            Schedule<WeeklySummaryJob>(q, WeeklySummaryJob.Key, schedule.WeeklySummary, zone);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    private static void Schedule<TJob>(IQuartzBuilder quartz, string name, string cron, TimeZoneInfo zone) where TJob : class, IJob =>
        Schedule<TJob>(quartz, new JobKey(name), cron, zone);

    /// <summary>A job on its cron; a fire missed (the service busy or paused) runs once late rather than being skipped.</summary>
    private static void Schedule<TJob>(IQuartzBuilder quartz, JobKey key, string cron, TimeZoneInfo zone) where TJob : class, IJob
    {
        quartz.AddJob<TJob>(job => job.WithIdentity(key));
        quartz.AddTrigger(trigger => trigger.ForJob(key).WithIdentity(key.Name, key.Group)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
