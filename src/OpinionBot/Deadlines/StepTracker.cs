using Microsoft.Extensions.Options;
using OpinionBot.Cases;

namespace OpinionBot.Deadlines;

/// <summary>
/// Keeps each case's owed steps in line with its timeline: opens a step when a clock starts, records it done (with its
/// lateness) when the step is taken, cancels what no longer applies, and sets the case's next deadline.
/// </summary>
public sealed class StepTracker(OwedStepStore steps, WorkingCalendar calendar, IOptions<WorkflowOptions> workflow) : ICaseChangeObserver
{
    private DeadlineOptions Rules => workflow.Value.Deadlines;

    public void Observe(Case c, IReadOnlyList<CaseEventKind> events, DateTimeOffset now)
    {
        foreach (var kind in events)
            Apply(c, kind, now);
        foreach (var open in steps.OpenForCase(c.Number).Where(s => s.UnitId != c.UnitId))
        {
            open.UnitId = c.UnitId;
            steps.Save(open);
        }

        c.NextDeadline = steps.OpenForCase(c.Number).Select(s => (DateTimeOffset?)s.DueAt).Min();
    }

    private void Apply(Case c, CaseEventKind kind, DateTimeOffset now)
    {
        switch (kind)
        {
            case CaseEventKind.Reported:
                Done(Open(c, StepClock.Report, StepOwner.Officer, c.DiscoveredAt, DeadlineRules.ReportAfterDiscovery(c.DiscoveredAt, c.Level, Rules)), c.ReportedAt);
                Open(c, StepClock.Review, StepOwner.SupervisingLeader, c.ReportedAt, DeadlineRules.ReviewAfterReport(c.ReportedAt, Rules));
                Open(c, StepClock.FirstResponse, StepOwner.Officer, c.ReportedAt, DeadlineRules.FirstResponseAfterReport(c.ReportedAt, Rules));
                Open(c, StepClock.FormalAnswer, StepOwner.Officer, c.ReportedAt, DeadlineRules.FormalAnswerAfterReport(c.ReportedAt, Rules));
                Open(c, StepClock.Resolve, StepOwner.Officer, c.ReportedAt, DeadlineRules.ResolveAfterReport(c.ReportedAt, Rules, calendar));
                break;
            case CaseEventKind.Approved or CaseEventKind.PrincipalApproved:
                Finish(c, StepClock.Review, now);
                if (c.State == CaseState.PrincipalReview)
                    Open(c, StepClock.Review, StepOwner.PrincipalLeader, now, now + Rules.ReviewAfterReport);
                else
                    Open(c, StepClock.Verification, StepOwner.Officer, now, DeadlineRules.VerificationAfterApproval(now, Rules, calendar));
                break;
            case CaseEventKind.InfoRequested:
                Finish(c, StepClock.Review, now);
                break;
            case CaseEventKind.InfoProvided or CaseEventKind.Escalated or CaseEventKind.Reassigned:
                Finish(c, StepClock.Review, now);
                Open(c, StepClock.Review, c.State == CaseState.PrincipalReview ? StepOwner.PrincipalLeader : StepOwner.SupervisingLeader, now, now + Rules.ReviewAfterReport);
                break;
            case CaseEventKind.ProgressNote:
                Finish(c, StepClock.Verification, now);
                break;
            case CaseEventKind.ResponsePublished:
                Finish(c, StepClock.FirstResponse, now);
                Finish(c, StepClock.FormalAnswer, now);
                break;
            case CaseEventKind.Resolved:
                Finish(c, StepClock.Resolve, now);
                Finish(c, StepClock.FormalAnswer, now);
                Finish(c, StepClock.Verification, now);
                CancelOpen(c, now);
                break;
            case CaseEventKind.Rejected:
                Finish(c, StepClock.Review, now);
                CancelOpen(c, now);
                break;
            case CaseEventKind.Archived:
                CancelOpen(c, now);
                break;
        }
    }

    private OwedStep Open(Case c, StepClock clock, StepOwner owner, DateTimeOffset startedAt, DateTimeOffset dueAt)
    {
        var cycle = steps.ForCase(c.Number).Count(s => s.Clock == clock);
        var step = new OwedStep
        {
            Id = cycle == 0 ? $"{c.Number}:{clock}" : $"{c.Number}:{clock}:{cycle + 1}",
            CaseNumber = c.Number, UnitId = c.UnitId, Clock = clock, OwedBy = owner, StartedAt = startedAt, DueAt = dueAt, OpenDueAt = dueAt,
        };
        steps.Save(step);
        return step;
    }

    private void Finish(Case c, StepClock clock, DateTimeOffset now)
    {
        foreach (var step in steps.OpenForCase(c.Number).Where(s => s.Clock == clock))
            Done(step, now);
    }

    private void Done(OwedStep step, DateTimeOffset at)
    {
        step.Open = false;
        step.OpenDueAt = null;
        step.DoneAt = at;
        step.Lateness = step.Clock == StepClock.Verification ? calendar.WorkingTimeBetween(step.DueAt, at) : at - step.DueAt;
        steps.Save(step);
    }

    private void CancelOpen(Case c, DateTimeOffset now)
    {
        foreach (var step in steps.OpenForCase(c.Number))
        {
            step.Open = false;
            step.OpenDueAt = null;
            step.Cancelled = true;
            step.DoneAt = now;
            steps.Save(step);
        }
    }
}
