namespace OpinionBot.Deadlines;

/// <summary>The <c>Workflow</c> section: the clocks of DESIGN.md §2 and the reminder-slip cadence.</summary>
public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    public DeadlineOptions Deadlines { get; set; } = new();
    public ReminderOptions Reminders { get; set; } = new();
}

public sealed class DeadlineOptions
{
    public TimeSpan ReportAfterDiscovery { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Report after discovery for levels I–II (特别重大, 重大).</summary>
    public TimeSpan ReportAfterDiscoveryMajor { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan ReviewAfterReport { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan FirstResponseAfterReport { get; set; } = TimeSpan.FromHours(3);
    public double VerificationWorkingHours { get; set; } = 4;
    public TimeSpan FormalAnswerAfterReport { get; set; } = TimeSpan.FromHours(18);
    public int ResolveWorkingDays { get; set; } = 5;
}

public sealed class ReminderOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);
    public int EscalateAfter { get; set; } = 3;
}
