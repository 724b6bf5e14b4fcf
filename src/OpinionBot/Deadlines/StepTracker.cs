using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Procedure;

namespace OpinionBot.Deadlines;

/// <summary>
/// Keeps each case's owed steps in line with <see cref="ProcedureTable"/>: a change closes the clocks its row closes
/// (recording lateness), cancels what no longer applies, opens the clocks its row opens, and sets the case's next
/// deadline. Runs inside the change's transaction, before the case is saved. A report's case is new: it owes nothing
/// yet, so its steps are kept in memory as they are opened and closed, and written together once, at the end.
/// </summary>
public sealed class StepTracker(IOwedStepStore steps, ClockDue due, WorkingCalendar calendar, IOptions<WorkflowOptions> workflow)
{
    public void Apply(CaseChange change)
    {
        var (c, row, now) = (change.Case, change.Row, change.Now);
        var known = new CaseSteps(steps, c.Number, row.Action == CaseAction.Report ? [] : null);
        foreach (var clock in row.Closes)
            Finish(known, clock, now, clock == StepClock.Dispatch ? change.Decision.Dispatch?.UnitId : null);
        if (row.Action == CaseAction.PublishStatement && change.Decision.Statement is { } statement)
            Published(known, c, statement, now);
        if (row.CancelsClocks)
            Cancel(known, now, _ => true);
        if (change.PreviousUnitId != c.UnitId)
            MoveToLeadUnit(known, c, change.PreviousUnitId, now);

        foreach (var clock in row.Completes)
            Done(known, Open(known, change, clock), c.ReportedAt);
        foreach (var clock in row.Opens)
            Open(known, change, clock);
        if (change.Decision.Dispatch is { AwaitsAcknowledgement: true } dispatch)
            Open(known, change, StepClock.Dispatch, dispatch.UnitId);

        c.NextDeadline = known.Open().Select(s => (DateTimeOffset?)s.DueAt).Min();
        known.InsertFresh();
    }

    /// <summary>A published statement closes the clocks of its kind; one with a promised date answers the resolution clock, which then follows the promise.</summary>
    private void Published(CaseSteps known, Case c, Statement statement, DateTimeOffset now)
    {
        foreach (var clock in ProcedureTable.StatementCloses[statement.Kind])
            Finish(known, clock, now);
        if (statement.PromisedDate is not { } promised || !known.Open().Any(s => s.Clock == StepClock.Resolve))
            return;

        Finish(known, StepClock.Resolve, now);
        Save(known, c, StepClock.Resolve, StepOwner.Officer, c.UnitId, now, due.EndOf(promised), now);
    }

    /// <summary>Another lead unit: the old one's unacknowledged dispatch is withdrawn, the case's other steps move with it.</summary>
    private void MoveToLeadUnit(CaseSteps known, Case c, string previousUnitId, DateTimeOffset now)
    {
        Cancel(known, now, s => s.Clock == StepClock.Dispatch && s.UnitId == previousUnitId);
        foreach (var open in known.Open().Where(s => s.Clock != StepClock.Dispatch && s.UnitId == previousUnitId))
        {
            open.UnitId = c.UnitId;
            known.Changed(open);
        }
    }

    private OwedStep Open(CaseSteps known, CaseChange change, StepClock clock, string? unitId = null)
    {
        var rule = ProcedureTable.Clocks[clock];
        var c = change.Case;
        var start = change.Row.Action == CaseAction.Report ? StartAtReport(rule, c) : change.Now;
        var owner = rule.Owner == ClockOwner.Officer ? StepOwner.Officer
            : change.Row.Then is ApprovalStage.PrincipalReview or ApprovalStage.StatementSign ? StepOwner.PrincipalLeader
            : StepOwner.SupervisingLeader;
        return Save(known, c, clock, owner, unitId ?? c.UnitId, start, due.Of(rule.Measure, start, c.Level), change.Now);
    }

    private DateTimeOffset StartAtReport(ClockRule rule, Case c) => rule.CountsFrom switch
    {
        ClockStart.Discovery => c.DiscoveredAt,
        ClockStart.Post when workflow.Value.Deadlines.ClocksFrom == ResponseClockStart.Post => c.PostedAt,
        _ => c.ReportedAt,
    };

    private OwedStep Save(CaseSteps known, Case c, StepClock clock, StepOwner owner, string unitId, DateTimeOffset startedAt, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var cycle = known.All().Count(s => s.Clock == clock);
        var step = new OwedStep
        {
            Id = cycle == 0 ? $"{c.Number}:{clock}" : $"{c.Number}:{clock}:{cycle + 1}",
            CaseNumber = c.Number, UnitId = unitId, Clock = clock, OwedBy = owner, StartedAt = startedAt, DueAt = dueAt, OpenDueAt = dueAt,
            SlipsFrom = dueAt > now ? dueAt : now,
        };
        step.NextSlipAt = Reminders.ReminderLadder.NextSlipAt(step, workflow.Value.Reminders);
        known.Added(step);
        return step;
    }

    private void Finish(CaseSteps known, StepClock clock, DateTimeOffset now, string? unitId = null)
    {
        foreach (var step in known.Open().Where(s => s.Clock == clock && (unitId is null || s.UnitId == unitId)))
            Done(known, step, now);
    }

    private void Done(CaseSteps known, OwedStep step, DateTimeOffset at)
    {
        step.Open = false;
        step.OpenDueAt = null;
        step.NextSlipAt = null;
        step.DoneAt = at;
        step.Lateness = ProcedureTable.Clocks[step.Clock].Measure == ClockMeasure.VerificationWorkingHours
            ? calendar.WorkingTimeBetween(step.DueAt, at)
            : at - step.DueAt;
        known.Changed(step);
    }

    private void Cancel(CaseSteps known, DateTimeOffset now, Func<OwedStep, bool> which)
    {
        foreach (var step in known.Open().Where(which))
        {
            step.Open = false;
            step.OpenDueAt = null;
            step.NextSlipAt = null;
            step.Cancelled = true;
            step.DoneAt = now;
            known.Changed(step);
        }
    }

    /// <summary>
    /// One case's steps during a change: read from the store, or (<paramref name="fresh"/>, a new case) the ones this
    /// change opened, the same objects it saved.
    /// </summary>
    private sealed class CaseSteps(IOwedStepStore store, string caseNumber, List<OwedStep>? fresh)
    {
        public IReadOnlyList<OwedStep> All() => fresh ?? store.ForCase(caseNumber);

        public IReadOnlyList<OwedStep> Open() => fresh is null ? store.OpenForCase(caseNumber) : fresh.Where(s => s.Open).ToList();

        /// <summary>A step just opened: stored at once, or (a new case) kept for <see cref="InsertFresh"/>.</summary>
        public void Added(OwedStep step)
        {
            if (fresh is null)
                store.Save(step);
            else
                fresh.Add(step);
        }

        /// <summary>A step changed: stored at once, or (a new case) written with the others by <see cref="InsertFresh"/>.</summary>
        public void Changed(OwedStep step)
        {
            if (fresh is null)
                store.Save(step);
        }

        /// <summary>A new case's steps in their final state, written together by a plain insert (the case owes nothing yet).</summary>
        public void InsertFresh()
        {
            if (fresh is not null)
                store.InsertNew(caseNumber, fresh);
        }
    }
}
