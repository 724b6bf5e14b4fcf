using OpinionBot.Procedure;

namespace OpinionBot.Deadlines.Reminders;

/// <summary>A case reported after one of its clocks has already run out gets its first reminder slips at once, in the report's transaction.</summary>
public sealed class OverdueAtIntake(IOwedStepStore steps, OverdueScan scan) : ICaseReaction
{
    public int Order => 300;

    public void React(CaseChange change)
    {
        // The case's next deadline is its open steps' earliest: still ahead (the usual report), nothing to look up.
        if (change.Row.Action != CaseAction.Report || change.Case.NextDeadline > change.Now) return;
        // The case and its steps were written a moment ago in this very transaction: no need to look each up again.
        foreach (var step in steps.OpenForCase(change.Case.Number).Where(s => s.DueAt <= change.Now))
            scan.Remind(step, change.Case, change.Now);
    }
}
