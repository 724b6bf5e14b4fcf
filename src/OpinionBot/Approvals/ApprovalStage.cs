namespace OpinionBot.Approvals;

/// <summary>Which decision a card asks for, and so who may take it.</summary>
public enum ApprovalStage
{
    /// <summary>Supervising leader reviews a reported case.</summary>
    CaseReview,

    /// <summary>Principal leader signs off a level I–II case.</summary>
    PrincipalReview,

    /// <summary>Supervising (then, for I–II, principal) leader approves the response text.</summary>
    ResponseReview,

    /// <summary>The office publishes the approved response.</summary>
    Publish,
}
