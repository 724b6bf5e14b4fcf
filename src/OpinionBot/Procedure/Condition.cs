namespace OpinionBot.Procedure;

/// <summary>
/// What must hold, besides the state, for a row of <see cref="ProcedureTable"/> to apply. Evaluated by
/// <see cref="Conditions"/>; a row whose condition fails is refused with that condition's text.
/// </summary>
public enum Condition
{
    NoQuestionPending,
    QuestionPending,

    /// <summary>The case's level needs the principal leader's sign-off of the case (<c>Workflow:SignOff:CasePrincipalLevels</c>).</summary>
    PrincipalReviewsCase,
    SupervisorAloneReviewsCase,

    NoStatementInFlight,
    StatementAtSupervisor,
    StatementAtPrincipal,
    StatementApproved,

    /// <summary>The statement's case level needs the principal's signature (<c>Workflow:SignOff:StatementPrincipalLevels</c>, every level by default).</summary>
    PrincipalSignsStatement,
    SupervisorAloneApprovesStatement,

    /// <summary>The level needs a closing review (总结评估) before archiving (<c>Workflow:SignOff:ClosingReviewLevels</c>).</summary>
    ClosingReviewNeeded,
    NoClosingReview,

    DispatchAwaitsAcknowledgement,
}
