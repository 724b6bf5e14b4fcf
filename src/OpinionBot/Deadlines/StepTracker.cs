using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Procedure;

namespace OpinionBot.Deadlines;

/// <summary>
/// Keeps each case's owed steps in line with <see cref="ProcedureTable"/>: a change closes the clocks its row closes
/// (recording lateness), cancels what no longer applies, opens the clocks its row opens, and sets the case's next
/// deadline. Runs inside the change's transaction, before the case is saved.
/// </summary>
public sealed class StepTracker(IOwedStepStore steps, ClockDue due, WorkingCalendar calendar, IOptions<WorkflowOptions> workflow)
{
    public void Apply(CaseChange change)
    {
        var (c, row, now) = (change.Case, change.Row, change.Now);
        foreach (var clock in row.Closes)
            Finish(c, clock, now, clock == StepClock.Dispatch ? change.Decision.Dispatch?.UnitId : null);
        if (row.Action == CaseAction.PublishStatement && change.Decision.Statement is { } statement)
            Published(c, statement, now);
        if (row.CancelsClocks)
            Cancel(c, now, _ => true);
        if (change.PreviousUnitId != c.UnitId)
            MoveToLeadUnit(c, change.PreviousUnitId, now);

        foreach (var clock in row.Completes)
            Done(Open(change, clock), c.ReportedAt);
        foreach (var clock in row.Opens)
            Open(change, clock);
        if (change.Decision.Dispatch is { AwaitsAcknowledgement: true } dispatch)
            Open(change, StepClock.Dispatch, dispatch.UnitId);

        c.NextDeadline = steps.OpenForCase(c.Number).Select(s => (DateTimeOffset?)s.DueAt).Min();
    }

    /// <summary>A published statement closes the clocks of its kind; one with a promised date answers the resolution clock, which then follows the promise.</summary>
    private void Published(Case c, Statement statement, DateTimeOffset now)
    {
        foreach (var clock in ProcedureTable.StatementCloses[statement.Kind])
            Finish(c, clock, now);
        if (statement.PromisedDate is not { } promised || !steps.OpenForCase(c.Number).Any(s => s.Clock == StepClock.Resolve))
            return;

        Finish(c, StepClock.Resolve, now);
        Save(c, StepClock.Resolve, StepOwner.Officer, c.UnitId, now, due.EndOf(promised), now);
    }

    /// <summary>Another lead unit: the old one's unacknowledged dispatch is withdrawn, the case's other steps move with it.</summary>
    private void MoveToLeadUnit(Case c, string previousUnitId, DateTimeOffset now)
    {
        Cancel(c, now, s => s.Clock == StepClock.Dispatch && s.UnitId == previousUnitId);
        foreach (var open in steps.OpenForCase(c.Number).Where(s => s.Clock != StepClock.Dispatch && s.UnitId == previousUnitId))
        {
            open.UnitId = c.UnitId;
            steps.Save(open);
        }
    }

    private OwedStep Open(CaseChange change, StepClock clock, string? unitId = null)
    {
        var rule = ProcedureTable.Clocks[clock];
        var c = change.Case;
        var start = change.Row.Action == CaseAction.Report ? StartAtReport(rule, c) : change.Now;
        var owner = rule.Owner == ClockOwner.Officer ? StepOwner.Officer
            : change.Row.Then is ApprovalStage.PrincipalReview or ApprovalStage.StatementSign ? StepOwner.PrincipalLeader
            : StepOwner.SupervisingLeader;
        return Save(c, clock, owner, unitId ?? c.UnitId, start, due.Of(rule.Measure, start, c.Level), change.Now);
    }

    private DateTimeOffset StartAtReport(ClockRule rule, Case c) => rule.CountsFrom switch
    {
        ClockStart.Discovery => c.DiscoveredAt,
        ClockStart.Post when workflow.Value.Deadlines.ClocksFrom == ResponseClockStart.Post => c.PostedAt,
        _ => c.ReportedAt,
    };

    private OwedStep Save(Case c, StepClock clock, StepOwner owner, string unitId, DateTimeOffset startedAt, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var cycle = steps.ForCase(c.Number).Count(s => s.Clock == clock);
        var step = new OwedStep
        {
            Id = cycle == 0 ? $"{c.Number}:{clock}" : $"{c.Number}:{clock}:{cycle + 1}",
            CaseNumber = c.Number, UnitId = unitId, Clock = clock, OwedBy = owner, StartedAt = startedAt, DueAt = dueAt, OpenDueAt = dueAt,
            SlipsFrom = dueAt > now ? dueAt : now,
        };
        step.NextSlipAt = Reminders.ReminderLadder.NextSlipAt(step, workflow.Value.Reminders);
        steps.Save(step);
        return step;
    }

    private void Finish(Case c, StepClock clock, DateTimeOffset now, string? unitId = null)
    {
        foreach (var step in steps.OpenForCase(c.Number).Where(s => s.Clock == clock && (unitId is null || s.UnitId == unitId)))
            Done(step, now);
    }

    private void Done(OwedStep step, DateTimeOffset at)
    {
        step.Open = false;
        step.OpenDueAt = null;
        step.NextSlipAt = null;
        step.DoneAt = at;
        step.Lateness = ProcedureTable.Clocks[step.Clock].Measure == ClockMeasure.VerificationWorkingHours
            ? calendar.WorkingTimeBetween(step.DueAt, at)
            : at - step.DueAt;
        steps.Save(step);
    }

    private void Cancel(Case c, DateTimeOffset now, Func<OwedStep, bool> which)
    {
        foreach (var step in steps.OpenForCase(c.Number).Where(which))
        {
            step.Open = false;
            step.OpenDueAt = null;
            step.NextSlipAt = null;
            step.Cancelled = true;
            step.DoneAt = now;
            steps.Save(step);
        }
    }
}
