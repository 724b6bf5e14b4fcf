namespace OpinionBot.Scheduling;

/// <summary>The <c>Schedule</c> section: Quartz cron expressions (with seconds) in the organisation's time zone.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    public string ZeroReportReminder { get; set; } = "0 0 15 ? * MON-FRI";
    public string ZeroReportDeadline { get; set; } = "0 0 17 ? * MON-FRI";
    public string OverdueScan { get; set; } = "0 * * * * ?";
    public string DailyBriefing { get; set; } = "0 30 8 * * ?";
    public string WeeklySummary { get; set; } = "0 0 9 ? * MON";

    /// <summary>Whether units owe a daily report every day rather than only on working days.</summary>
    public bool DailyReportEveryDay { get; set; }

    public IEnumerable<(string Key, string Cron)> All() =>
    [
        (nameof(ZeroReportReminder), ZeroReportReminder),
        (nameof(ZeroReportDeadline), ZeroReportDeadline),
        (nameof(OverdueScan), OverdueScan),
        (nameof(DailyBriefing), DailyBriefing),
        (nameof(WeeklySummary), WeeklySummary),
    ];
}
