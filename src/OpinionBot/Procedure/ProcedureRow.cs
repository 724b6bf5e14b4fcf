using OpinionBot.Cases;
using OpinionBot.Deadlines;

namespace OpinionBot.Procedure;

/// <summary>
/// One row of <see cref="ProcedureTable"/>: an action in some states (and conditions), who may take it, and everything
/// that follows — the next state, the timeline events, the cards it decides and the stage it routes next, the clocks
/// it closes and opens, the unit it dispatches to, and who is told.
/// </summary>
public sealed record ProcedureRow(CaseAction Action, IReadOnlyList<CaseState> From, CaseRole By)
{
    public IReadOnlyList<Condition> When { get; init; } = [];
    public Requirement Needs { get; init; } = Requirement.None;

    /// <summary>The state after; null when the action leaves the state as it is.</summary>
    public CaseState? To { get; init; }

    public IReadOnlyList<CaseEventKind> Records { get; init; } = [];

    /// <summary>Open cards of these stages turn into their decided face (for <see cref="ApprovalStage.Dispatch"/>: those no longer awaited).</summary>
    public IReadOnlyList<ApprovalStage> Ends { get; init; } = [];

    /// <summary>The decision asked for next; its cards go to whoever <see cref="ProcedureTable.Stages"/> says decides it.</summary>
    public ApprovalStage? Then { get; init; }

    /// <summary>Clocks whose open steps are done now (on time or late).</summary>
    public IReadOnlyList<StepClock> Closes { get; init; } = [];

    /// <summary>Clocks started now; at intake each counts from its own start (discovery, the post, the report).</summary>
    public IReadOnlyList<StepClock> Opens { get; init; } = [];

    /// <summary>Clocks opened and done at once (reporting completes the report-after-discovery clock).</summary>
    public IReadOnlyList<StepClock> Completes { get; init; } = [];

    /// <summary>Every clock still open is cancelled: the case no longer owes it.</summary>
    public bool CancelsClocks { get; init; }

    public DispatchTarget Dispatch { get; init; } = DispatchTarget.None;
    public IReadOnlyList<Notice> Tells { get; init; } = [];

    /// <summary>The refusal for someone without the role, when the one <see cref="RefusalText"/> derives from <see cref="By"/> is not right.</summary>
    public string? RoleRefusal { get; init; }
}

public enum DispatchTarget
{
    None,

    /// <summary>The unit the case is filed for (首问负责单位).</summary>
    LeadUnit,

    /// <summary>The unit named by the command, as a cooperating unit (协办).</summary>
    CooperatingUnit,
}
