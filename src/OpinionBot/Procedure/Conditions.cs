using OpinionBot.Cases;

namespace OpinionBot.Procedure;

/// <summary>Evaluates a <see cref="Condition"/> on a case, and says which text explains a failed one.</summary>
public sealed class Conditions(SignOffOptions signOff)
{
    public bool Hold(Condition condition, Case c, CaseCommand command) => condition switch
    {
        Condition.NoQuestionPending => c.PendingQuestion is null,
        Condition.QuestionPending => c.PendingQuestion is not null,
        Condition.PrincipalReviewsCase => signOff.EffectiveCasePrincipalLevels.Contains(c.Level),
        Condition.SupervisorAloneReviewsCase => !signOff.EffectiveCasePrincipalLevels.Contains(c.Level),
        Condition.NoStatementInFlight => c.StatementInFlight is null,
        Condition.StatementAtSupervisor => c.StatementInFlight?.Stage == StatementStage.SupervisorReview,
        Condition.StatementAtPrincipal => c.StatementInFlight?.Stage == StatementStage.PrincipalSign,
        Condition.StatementApproved => c.StatementInFlight?.Stage == StatementStage.Approved,
        Condition.PrincipalSignsStatement => signOff.EffectiveStatementPrincipalLevels.Contains(c.Level),
        Condition.SupervisorAloneApprovesStatement => !signOff.EffectiveStatementPrincipalLevels.Contains(c.Level),
        Condition.ClosingReviewNeeded => signOff.EffectiveClosingReviewLevels.Contains(c.Level),
        Condition.NoClosingReview => !signOff.EffectiveClosingReviewLevels.Contains(c.Level),
        Condition.DispatchAwaitsAcknowledgement => c.Dispatches.Any(d => d.AwaitsAcknowledgement && (command.Unit is null || d.UnitId == command.Unit)),
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    /// <summary>The refusal when <paramref name="condition"/> does not hold.</summary>
    public static string RefusalKey(Condition condition) => condition switch
    {
        Condition.NoQuestionPending => "lifecycle.awaitingInfo",
        Condition.QuestionPending => "lifecycle.noQuestion",
        Condition.NoStatementInFlight => "lifecycle.draftPending",
        Condition.StatementAtSupervisor or Condition.StatementAtPrincipal => "lifecycle.noDraftAwaiting",
        Condition.StatementApproved => "lifecycle.notApprovedDraft",
        Condition.ClosingReviewNeeded => "lifecycle.noReviewNeeded",
        Condition.DispatchAwaitsAcknowledgement => "lifecycle.noDispatch",
        // Level-based conditions split one action into rows; one of each pair always holds.
        _ => "lifecycle.unknownAction",
    };
}
