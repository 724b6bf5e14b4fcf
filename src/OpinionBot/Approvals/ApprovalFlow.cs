using OpinionBot.Cases;

namespace OpinionBot.Approvals;

/// <summary>What follows a committed change: old cards updated in place, the next decision routed, the reporter told.</summary>
public sealed class ApprovalFlow(ApprovalRouter router, CaseNotifier notifier, CaseStore cases, ILogger<ApprovalFlow> logger)
{
    public async Task NewCaseAsync(Case c, CancellationToken cancellationToken)
    {
        await Guard(c, async () =>
        {
            await router.RouteAsync(c, ApprovalStage.CaseReview, cancellationToken);
            await notifier.AnnounceAsync(c, cancellationToken);
        });
    }

    public Task AfterChangeAsync(Case c, CaseEvent outcome, CancellationToken cancellationToken) => Guard(c, async () =>
    {
        await router.CloseAsync(c, outcome, cancellationToken);
        switch (outcome.Kind)
        {
            case CaseEventKind.InfoProvided:
                await router.RouteAsync(c, StageOf(c), cancellationToken);
                return;
            case CaseEventKind.ResponseDrafted:
                await router.RouteAsync(c, ApprovalStage.ResponseReview, cancellationToken);
                return;
            case CaseEventKind.Approved when c.State == CaseState.PrincipalReview:
                await router.RouteAsync(c, ApprovalStage.PrincipalReview, cancellationToken);
                break;
            case CaseEventKind.Escalated:
                await router.RouteAsync(c, ApprovalStage.CaseReview, cancellationToken);
                await notifier.AnnounceAsync(c, cancellationToken);
                break;
            case CaseEventKind.Reassigned:
                await router.RouteAsync(c, ApprovalStage.CaseReview, cancellationToken);
                break;
            case CaseEventKind.ResponseApproved:
                await router.RouteAsync(c, c.Response?.Stage == ResponseStage.Approved ? ApprovalStage.Publish : ApprovalStage.ResponseReview, cancellationToken);
                break;
            case CaseEventKind.Resolved or CaseEventKind.Reviewed or CaseEventKind.Archived:
                return;
        }

        await notifier.TellReporterAsync(c, outcome, cancellationToken);
    });

    /// <summary>The decision a case is waiting for, from its state.</summary>
    public static ApprovalStage StageOf(Case c) => c.State == CaseState.PrincipalReview ? ApprovalStage.PrincipalReview : ApprovalStage.CaseReview;

    /// <summary>The change is committed; a delivery failure is logged, never thrown back at the person who acted.</summary>
    private async Task Guard(Case c, Func<Task> work)
    {
        try
        {
            await work();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Follow-up of case {CaseNumber} failed after its change was committed", c.Number);
        }
    }

    public CaseEvent LastDecision(string caseNumber) =>
        cases.Timeline(caseNumber).Last(e => e.Kind is not (CaseEventKind.ProgressNote or CaseEventKind.EvidenceAdded or CaseEventKind.LeaderUnreachable or CaseEventKind.ReminderSlip or CaseEventKind.EscalationNotice or CaseEventKind.Linked));
}
