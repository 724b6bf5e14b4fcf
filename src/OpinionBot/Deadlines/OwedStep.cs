using LiteDB;

namespace OpinionBot.Deadlines;

/// <summary>
/// One step a case owes against one clock of DESIGN.md §2 (办理时限): who owes it, when it is due, when it was done and
/// how late, and how many reminder slips have gone out for it.
/// </summary>
public sealed class OwedStep
{
    /// <summary><c>{case}:{clock}</c>, with <c>:{n}</c> when a clock starts again (a re-review after escalation).</summary>
    [BsonId]
    public string Id { get; set; } = "";
    public string CaseNumber { get; set; } = "";
    public string UnitId { get; set; } = "";
    public StepClock Clock { get; set; }
    public StepOwner OwedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset DueAt { get; set; }

    /// <summary>When reminder slips count from: the deadline, or the moment the step was opened if that was already past it.</summary>
    public DateTimeOffset SlipsFrom { get; set; }

    /// <summary>True until the step is done or cancelled.</summary>
    public bool Open { get; set; } = true;

    /// <summary>
    /// <see cref="DueAt"/> while open, null once closed: indexed on PostgreSQL; on LiteDB the case's
    /// <see cref="CaseClocks.OpenDueKey"/> keeps the earliest.
    /// </summary>
    public DateTimeOffset? OpenDueAt { get; set; }

    /// <summary>
    /// While open, when the overdue scan next has something to send for it (the next reminder slip or the escalation
    /// notice, <see cref="Reminders.ReminderLadder"/>); null once closed or when nothing more will come. Indexed (on LiteDB
    /// the earliest of a case's, <see cref="CaseClocks.NextSlipAt"/>), so a scan reads only what is due something, not
    /// every step past its deadline.
    /// </summary>
    public DateTimeOffset? NextSlipAt { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>How late it was done (zero or negative = on time); null while open or when cancelled.</summary>
    public TimeSpan? Lateness { get; set; }
    public bool Cancelled { get; set; }
    public int SlipsSent { get; set; }
    public bool Escalated { get; set; }

    public bool OnTime => Lateness is { } late && late <= TimeSpan.Zero;
}

/// <summary>The clocks of the deadline table.</summary>
public enum StepClock
{
    Report,
    Review,
    FirstResponse,
    Verification,
    FormalAnswer,
    Resolve,

    /// <summary>初步处置并回应: initial handling and a response, within working days of the report.</summary>
    InitialHandling,

    /// <summary>交办签收: a unit acknowledges a case dispatched to it.</summary>
    Dispatch,
}

public enum StepOwner
{
    Officer,
    SupervisingLeader,
    PrincipalLeader,
}
