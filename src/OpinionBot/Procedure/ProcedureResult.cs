using OpinionBot.Cases;

namespace OpinionBot.Procedure;

/// <summary>
/// What <see cref="CaseProcedure"/> did: the case as stored afterwards (null when there is no such case), the decision,
/// and whether the card pressed was stale or the command a repeat of one already applied.
/// </summary>
public sealed record ProcedureResult(Case? Case, Decision Decision, CaseEvent? Outcome = null)
{
    public bool Stale { get; init; }

    /// <summary>The same inbound activity or submission was applied before; nothing was done again.</summary>
    public bool Repeated { get; init; }

    /// <summary>A new case's timeline as its report wrote it, where the store kept it (<see cref="ICaseStore.TimelineOfNewCase"/>).</summary>
    public IReadOnlyList<CaseEvent>? Timeline { get; init; }
}
