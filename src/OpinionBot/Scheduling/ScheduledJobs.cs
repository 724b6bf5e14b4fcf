using OpinionBot.DailyReports;
using OpinionBot.Deadlines.Reminders;
using Quartz;

namespace OpinionBot.Scheduling;

/// <summary>The overdue scan as a Quartz job; the work itself is an idempotent scan of the database.</summary>
[DisallowConcurrentExecution]
public sealed class OverdueScanJob(OverdueScan scan) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        scan.Run();
        return ValueTask.CompletedTask;
    }
}

[DisallowConcurrentExecution]
public sealed class ZeroReportReminderJob(DailyReportSchedule schedule) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        schedule.RemindUnreported();
        return ValueTask.CompletedTask;
    }
}

[DisallowConcurrentExecution]
public sealed class ZeroReportDeadlineJob(DailyReportSchedule schedule) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        schedule.RecordMissed();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The LiteDB backup on <c>Storage:Backup:Cron</c>.</summary>
[DisallowConcurrentExecution]
public sealed class LiteDbBackupJob(OpinionBot.Storage.LiteDbBackup backup) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        backup.Run();
        return ValueTask.CompletedTask;
    }
}
