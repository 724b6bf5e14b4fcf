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

    /// <summary>First public response; counts from the netizen's post (see <see cref="ClocksFrom"/>), holidays included.</summary>
    public TimeSpan FirstResponseAfterReport { get; set; } = TimeSpan.FromHours(3);
    public double VerificationWorkingHours { get; set; } = 4;

    /// <summary>Formal answer to a problem that can be settled quickly; counts from the post like the first response.</summary>
    public TimeSpan FormalAnswerAfterReport { get; set; } = TimeSpan.FromHours(18);

    /// <summary>Initial handling and response (初步处置并回应), working days after the report.</summary>
    public int InitialHandlingWorkingDays { get; set; } = 2;
    public int ResolveWorkingDays { get; set; } = 5;

    /// <summary>The latest promised date (承诺办理时限) a statement may give, in working days after it is drafted.</summary>
    public int PromiseMaxWorkingDays { get; set; } = 5;

    /// <summary>How soon a unit must acknowledge a case dispatched to it (交办签收).</summary>
    public TimeSpan DispatchAcknowledgeWithin { get; set; } = TimeSpan.FromHours(1);

    /// <summary>What the first-response and formal-answer clocks count from: the netizen's post (default) or the report.</summary>
    public ResponseClockStart ClocksFrom { get; set; } = ResponseClockStart.Post;
}

public enum ResponseClockStart
{
    /// <summary>The post's published-at; discovery when it is unknown.</summary>
    Post,
    Report,
}

public sealed class ReminderOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(30);
    public int EscalateAfter { get; set; } = 3;
}
