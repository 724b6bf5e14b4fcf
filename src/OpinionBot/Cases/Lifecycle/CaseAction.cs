namespace OpinionBot.Cases.Lifecycle;

/// <summary>Everything that can be done to a case; each is checked by <see cref="CaseLifecycle"/>.</summary>
public enum CaseAction
{
    Approve,
    Reject,
    NeedInfo,
    ProvideInfo,
    Escalate,
    Reassign,
    DraftResponse,
    ApproveResponse,
    RejectResponse,
    PublishResponse,
    Resolve,
    Review,
}
