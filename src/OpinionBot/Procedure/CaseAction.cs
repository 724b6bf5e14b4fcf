namespace OpinionBot.Procedure;

/// <summary>Everything that can be done to a case; <see cref="ProcedureTable"/> says who may, when, and what follows.</summary>
public enum CaseAction
{
    Report,
    Approve,
    Reject,
    NeedInfo,
    ProvideInfo,
    RaiseLevel,
    LowerLevel,
    Reassign,
    AddCooperatingUnit,
    Acknowledge,
    Note,
    DraftStatement,
    ApproveStatement,
    ReturnStatement,
    PublishStatement,
    Resolve,
    Review,
    Reopen,
}
