using OpinionBot.Briefings;
using OpinionBot.Storage;
using Quartz;

namespace OpinionBot.Scheduling;

public static class QuartzRegistration
{
    /// <summary>The scheduler's name: the same in every instance, which is what makes them one cluster.</summary>
    public const string SchedulerName = "OpinionBot";

    /// <summary>
    /// Quartz.NET as a hosted service with the schedules of <c>Schedule:*</c>, each a cron in the organisation's time zone.
    /// On shutdown it waits for running jobs to finish. With <c>Storage:Provider</c> PostgreSql the schedules live in
    /// that database (Quartz's clustered ADO.NET job store), so each trigger fires once across all instances and a
    /// stopped instance's triggers are taken over; otherwise they are kept in memory.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        var schedule = configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(configuration["Organization:TimeZone"] ?? "Asia/Shanghai");
        services.AddStore<IOnceMarkers, OnceMarkers, PostgreSql.PostgresOnceMarkers>();
        if (storage.Provider == StorageProvider.PostgreSql)
            services.AddHostedService(sp => new QuartzPostgresSchema(storage.PostgreSql.ConnectionString, sp.GetRequiredService<ILogger<QuartzPostgresSchema>>()));
        services.AddQuartz(q =>
        {
            if (storage.Provider == StorageProvider.PostgreSql)
                UseClusteredPostgres(q, storage.PostgreSql.ConnectionString, storage.PostgreSql.SchedulerCheckin);
            else
                q.UseInMemoryStore();
            Schedule<OverdueScanJob>(q, "overdue-scan", schedule.OverdueScan, zone);
            Schedule<ZeroReportReminderJob>(q, "zero-report-reminder", schedule.ZeroReportReminder, zone);
            Schedule<ZeroReportDeadlineJob>(q, "zero-report-deadline", schedule.ZeroReportDeadline, zone);
            Schedule<DailyBriefingJob>(q, DailyBriefingJob.Key, schedule.DailyBriefing, zone);
            Schedule<WeeklySummaryJob>(q, WeeklySummaryJob.Key, schedule.WeeklySummary, zone);
            if (!string.IsNullOrWhiteSpace(storage.Backup.Cron) && storage.Provider == StorageProvider.LiteDb)
                Schedule<LiteDbBackupJob>(q, "litedb-backup", storage.Backup.Cron, zone);
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>
    /// Quartz's clustered ADO.NET job store on PostgreSQL (Npgsql), with the System.Text.Json serializer. Every
    /// instance names the same scheduler and gets its own id; instances check in every few seconds and take over the
    /// triggers of one that stopped checking in.
    /// </summary>
    public static void UseClusteredPostgres(IQuartzBuilder quartz, string connectionString, TimeSpan checkinInterval, TimeSpan? idleWaitTime = null)
    {
        quartz.ConfigureScheduler(scheduler =>
        {
            scheduler.InstanceName = SchedulerName;
            scheduler.GenerateInstanceId = true;
            if (idleWaitTime is { } idle)
                scheduler.IdleWaitTime = idle;
        });
        quartz.UsePersistentStore(store =>
        {
            store.UsePostgres(connectionString);
            store.UseSystemTextJsonSerializer();
            store.UseClustering(cluster =>
            {
                cluster.CheckinInterval = checkinInterval;
                cluster.CheckinMisfireThreshold = checkinInterval;
            });
        });
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
