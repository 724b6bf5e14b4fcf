using OpinionBot.Configuration;
using Quartz;

namespace OpinionBot.Briefings;

/// <summary>Quartz job on <c>Schedule:DailyBriefing</c>: yesterday's briefing to every subscribed conversation.</summary>
[DisallowConcurrentExecution]
public sealed class DailyBriefingJob(BriefingSender sender, BriefingSchedule schedule, OrganizationClock clock) : IJob
{
    public static readonly JobKey Key = new("daily-briefing", "briefings");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var firedAt = context.ScheduledFireTimeUtc ?? clock.UtcNow;
        sender.SendDaily(schedule.PeriodOf(BriefingKind.Daily, firedAt), late: false);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Quartz job on <c>Schedule:WeeklySummary</c>: last week's summary to every subscribed conversation.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklySummaryJob(BriefingSender sender, BriefingSchedule schedule, OrganizationClock clock) : IJob
{
    public static readonly JobKey Key = new("weekly-summary", "briefings");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var firedAt = context.ScheduledFireTimeUtc ?? clock.UtcNow;
        sender.SendWeekly(schedule.PeriodOf(BriefingKind.Weekly, firedAt), late: false);
        return ValueTask.CompletedTask;
    }
}
