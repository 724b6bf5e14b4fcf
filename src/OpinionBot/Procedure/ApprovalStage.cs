namespace OpinionBot.Procedure;

/// <summary>A decision a card asks for; <see cref="ProcedureTable.Stages"/> says who takes it and with which buttons.</summary>
public enum ApprovalStage
{
    /// <summary>The unit's supervising leader reviews a reported case.</summary>
    CaseReview,

    /// <summary>The principal leader signs off a major case.</summary>
    PrincipalReview,

    /// <summary>The supervising leader approves a statement's text.</summary>
    StatementReview,

    /// <summary>The principal leader signs the statement (签发).</summary>
    StatementSign,

    /// <summary>The office publishes the signed statement.</summary>
    Publish,

    /// <summary>A unit's officers acknowledge a case dispatched to them (交办签收).</summary>
    Dispatch,
}
