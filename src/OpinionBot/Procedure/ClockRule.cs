using OpinionBot.Deadlines;

namespace OpinionBot.Procedure;

/// <summary>One clock of the deadline table: who owes it, what it counts from at intake, and how its deadline is measured.</summary>
public sealed record ClockRule(StepClock Clock, ClockOwner Owner, ClockStart CountsFrom, ClockMeasure Measure);

public enum ClockOwner
{
    /// <summary>The officers of the unit whose work it is.</summary>
    Officer,

    /// <summary>Whoever decides the stage the same row routes (supervising or principal leader).</summary>
    StageDecider,
}

/// <summary>What a clock counts from when the case is reported; a clock started later counts from that moment.</summary>
public enum ClockStart
{
    Discovery,

    /// <summary>The netizen's post (published-at, else discovery), unless <c>Workflow:Deadlines:ClocksFrom</c> is <c>Report</c>.</summary>
    Post,
    Report,
}

/// <summary>The deadline settings each clock measures with (all in <c>Workflow:Deadlines</c>).</summary>
public enum ClockMeasure
{
    /// <summary><c>ReportAfterDiscovery</c>, or <c>ReportAfterDiscoveryMajor</c> for levels I–II; wall clock.</summary>
    ReportAfterDiscovery,
    ReviewAfterReport,

    /// <summary>Wall clock, holidays included.</summary>
    FirstResponse,
    FormalAnswer,
    InitialHandlingWorkingDays,
    VerificationWorkingHours,
    ResolveWorkingDays,
    DispatchAcknowledgeWithin,
}
