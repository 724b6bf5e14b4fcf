using OpinionBot.Cases;
using OpinionBot.Roster;

namespace OpinionBot.Procedure;

/// <summary>An allowed change, as the reactions inside its transaction see it: the case after it, the row, who, when, and what it was before.</summary>
public sealed record CaseChange(
    Case Case,
    Decision Decision,
    CaseEvent Outcome,
    Actor Actor,
    DateTimeOffset Now,
    CaseState PreviousState,
    string PreviousUnitId)
{
    public ProcedureRow Row => Decision.Row!;
}
