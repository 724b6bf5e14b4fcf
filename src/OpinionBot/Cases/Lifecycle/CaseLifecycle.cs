using OpinionBot.Roster;

namespace OpinionBot.Cases.Lifecycle;

/// <summary>
/// The case state machine of DESIGN.md §2 with its role checks. <see cref="Apply"/> either refuses (and leaves the case
/// as it was) or changes the case and names the timeline events to record.
/// </summary>
public static class CaseLifecycle
{
    public static Decision Apply(Case c, Actor actor, CaseCommand command, IReadOnlyCollection<string> unitIds)
    {
        if (!c.State.IsOpen())
            return Decision.Refuse("lifecycle.closed", c.State);

        var decision = command.Action switch
        {
            CaseAction.Approve => Approve(c, actor),
            CaseAction.Reject => Reject(c, actor, command.Text),
            CaseAction.NeedInfo => NeedInfo(c, actor, command.Text),
            CaseAction.ProvideInfo => ProvideInfo(c, actor, command.Text),
            CaseAction.Escalate => Escalate(c, actor, command.NewLevel),
            CaseAction.Reassign => Reassign(c, actor, command.NewUnit, unitIds),
            CaseAction.DraftResponse => DraftResponse(c, actor, command.Text),
            CaseAction.ApproveResponse => ApproveResponse(c, actor),
            CaseAction.RejectResponse => RejectResponse(c, actor, command.Text),
            CaseAction.PublishResponse => PublishResponse(c, actor),
            CaseAction.Resolve => Resolve(c, actor, command.Text),
            CaseAction.Review => Review(c, actor, command.Text),
            _ => Decision.Refuse("lifecycle.unknownAction"),
        };
        if (decision.Allowed)
            c.Version++;
        return decision;
    }

    /// <summary>Who decides at the case's current approval stage: a supervising leader while Reported, the principal leader in PrincipalReview.</summary>
    public static Decision? CheckApprover(Case c, Actor actor)
    {
        return c.State switch
        {
            CaseState.Reported when c.PendingQuestion is not null => Decision.Refuse("lifecycle.awaitingInfo"),
            CaseState.Reported => actor.SupervisorOf.Contains(c.UnitId) ? null : Decision.Refuse("lifecycle.needSupervisor", c.UnitId),
            CaseState.PrincipalReview => actor.PrincipalOf.Contains(c.UnitId) ? null : Decision.Refuse("lifecycle.needPrincipal", c.UnitId),
            _ => Decision.Refuse("lifecycle.notAwaitingApproval", c.State),
        };
    }

    private static Decision Approve(Case c, Actor actor)
    {
        if (CheckApprover(c, actor) is { } refused) return refused;
        if (c.State == CaseState.Reported && c.IsMajor)
        {
            c.State = CaseState.PrincipalReview;
            return Decision.Allow(CaseEventKind.Approved);
        }

        var kind = c.State == CaseState.PrincipalReview ? CaseEventKind.PrincipalApproved : CaseEventKind.Approved;
        c.State = CaseState.InProgress;
        return Decision.Allow(kind);
    }

    private static Decision Reject(Case c, Actor actor, string reason)
    {
        if (CheckApprover(c, actor) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(reason)) return Decision.Refuse("lifecycle.reasonRequired");
        c.State = CaseState.Dismissed;
        return Decision.Allow(CaseEventKind.Rejected);
    }

    private static Decision NeedInfo(Case c, Actor actor, string question)
    {
        if (CheckApprover(c, actor) is { } refused) return refused;
        if (string.IsNullOrWhiteSpace(question)) return Decision.Refuse("lifecycle.questionRequired");
        c.PendingQuestion = question.Trim();
        c.QuestionAskedBy = actor.Key;
        return Decision.Allow(CaseEventKind.InfoRequested);
    }

    private static Decision ProvideInfo(Case c, Actor actor, string answer)
    {
        if (c.PendingQuestion is null) return Decision.Refuse("lifecycle.noQuestion");
        if (!IsOfficerOrOffice(c, actor)) return Decision.Refuse("lifecycle.needOfficer", c.UnitId);
        if (string.IsNullOrWhiteSpace(answer)) return Decision.Refuse("lifecycle.textRequired");
        c.PendingQuestion = null;
        return Decision.Allow(CaseEventKind.InfoProvided);
    }

    private static Decision Escalate(Case c, Actor actor, CaseLevel? level)
    {
        if (c.State is not (CaseState.Reported or CaseState.PrincipalReview)) return Decision.Refuse("lifecycle.notAwaitingApproval", c.State);
        if (!IsLeaderOf(c, actor)) return Decision.Refuse("lifecycle.needSupervisor", c.UnitId);
        if (level is null || level >= c.Level) return Decision.Refuse("lifecycle.levelNotHigher", c.Level);
        c.Level = level.Value;
        ReturnToReview(c);
        return Decision.Allow(CaseEventKind.Escalated);
    }

    private static Decision Reassign(Case c, Actor actor, string? unit, IReadOnlyCollection<string> unitIds)
    {
        if (c.State is not (CaseState.Reported or CaseState.PrincipalReview)) return Decision.Refuse("lifecycle.notAwaitingApproval", c.State);
        if (!IsLeaderOf(c, actor) && !actor.IsOffice) return Decision.Refuse("lifecycle.needSupervisor", c.UnitId);
        if (string.IsNullOrWhiteSpace(unit) || !unitIds.Contains(unit)) return Decision.Refuse("lifecycle.unitUnknown");
        if (unit == c.UnitId) return Decision.Refuse("lifecycle.unitSame");
        c.UnitId = unit;
        ReturnToReview(c);
        return Decision.Allow(CaseEventKind.Reassigned);
    }

    private static Decision DraftResponse(Case c, Actor actor, string text)
    {
        if (!IsOfficerOrOffice(c, actor)) return Decision.Refuse("lifecycle.needOfficer", c.UnitId);
        if (c.State != CaseState.InProgress) return Decision.Refuse("lifecycle.notInProgress", c.State);
        if (c.Response is { Stage: ResponseStage.SupervisorReview or ResponseStage.PrincipalReview or ResponseStage.Approved })
            return Decision.Refuse("lifecycle.draftPending");
        if (string.IsNullOrWhiteSpace(text)) return Decision.Refuse("lifecycle.textRequired");
        c.Response = new ResponseDraft { Text = text.Trim(), Stage = ResponseStage.SupervisorReview, DraftedBy = actor.Key };
        return Decision.Allow(CaseEventKind.ResponseDrafted);
    }

    private static Decision ApproveResponse(Case c, Actor actor)
    {
        switch (c.Response?.Stage)
        {
            case ResponseStage.SupervisorReview when actor.SupervisorOf.Contains(c.UnitId):
                c.Response.Stage = c.IsMajor ? ResponseStage.PrincipalReview : ResponseStage.Approved;
                return Decision.Allow(CaseEventKind.ResponseApproved);
            case ResponseStage.PrincipalReview when actor.PrincipalOf.Contains(c.UnitId):
                c.Response.Stage = ResponseStage.Approved;
                return Decision.Allow(CaseEventKind.ResponseApproved);
            case ResponseStage.SupervisorReview:
                return Decision.Refuse("lifecycle.needSupervisor", c.UnitId);
            case ResponseStage.PrincipalReview:
                return Decision.Refuse("lifecycle.needPrincipal", c.UnitId);
            default:
                return Decision.Refuse("lifecycle.noDraftAwaiting");
        }
    }

    private static Decision RejectResponse(Case c, Actor actor, string reason)
    {
        var approval = ApproveResponse(Clone(c), actor);
        if (!approval.Allowed) return approval;
        if (string.IsNullOrWhiteSpace(reason)) return Decision.Refuse("lifecycle.reasonRequired");
        c.Response = null;
        return Decision.Allow(CaseEventKind.ResponseRejected);
    }

    private static Decision PublishResponse(Case c, Actor actor)
    {
        if (!actor.IsOffice) return Decision.Refuse("lifecycle.needOffice");
        if (c.Response?.Stage != ResponseStage.Approved) return Decision.Refuse("lifecycle.notApprovedDraft");
        c.Response.Stage = ResponseStage.Published;
        c.State = CaseState.Responded;
        return Decision.Allow(CaseEventKind.ResponsePublished);
    }

    private static Decision Resolve(Case c, Actor actor, string result)
    {
        if (!IsOfficerOrOffice(c, actor)) return Decision.Refuse("lifecycle.needOfficer", c.UnitId);
        if (c.State is not (CaseState.InProgress or CaseState.Responded)) return Decision.Refuse("lifecycle.cannotResolve", c.State);
        if (string.IsNullOrWhiteSpace(result)) return Decision.Refuse("lifecycle.textRequired");
        c.HandlingResult = result.Trim();
        if (c.IsMajor)
        {
            c.State = CaseState.Resolved;
            return Decision.Allow(CaseEventKind.Resolved);
        }

        c.State = CaseState.Archived;
        return Decision.Allow(CaseEventKind.Resolved, CaseEventKind.Archived);
    }

    private static Decision Review(Case c, Actor actor, string review)
    {
        if (!IsOfficerOrOffice(c, actor)) return Decision.Refuse("lifecycle.needOfficer", c.UnitId);
        if (c.State != CaseState.Resolved) return Decision.Refuse("lifecycle.noReviewNeeded");
        if (string.IsNullOrWhiteSpace(review)) return Decision.Refuse("lifecycle.textRequired");
        c.ClosingReview = review.Trim();
        c.State = CaseState.Archived;
        return Decision.Allow(CaseEventKind.Reviewed, CaseEventKind.Archived);
    }

    private static void ReturnToReview(Case c)
    {
        c.State = CaseState.Reported;
        c.PendingQuestion = null;
        c.QuestionAskedBy = null;
    }

    private static bool IsLeaderOf(Case c, Actor actor) => actor.SupervisorOf.Contains(c.UnitId) || actor.PrincipalOf.Contains(c.UnitId);

    private static bool IsOfficerOrOffice(Case c, Actor actor) => actor.OfficerOf.Contains(c.UnitId) || actor.IsOffice;

    private static Case Clone(Case c) => new()
    {
        UnitId = c.UnitId, Level = c.Level, State = c.State,
        Response = c.Response is null ? null : new ResponseDraft { Stage = c.Response.Stage, Text = c.Response.Text },
    };
}
