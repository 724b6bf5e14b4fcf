using OpinionBot.Cases.Lifecycle;

namespace OpinionBot.Approvals;

/// <summary>The Action.Execute verbs of approval cards and the lifecycle action each one asks for.</summary>
public static class ApprovalVerbs
{
    public const string Refresh = "approval.refresh";

    public static readonly IReadOnlyDictionary<string, CaseAction> Actions = new Dictionary<string, CaseAction>
    {
        ["case.approve"] = CaseAction.Approve,
        ["case.reject"] = CaseAction.Reject,
        ["case.needInfo"] = CaseAction.NeedInfo,
        ["case.escalate"] = CaseAction.Escalate,
        ["case.reassign"] = CaseAction.Reassign,
        ["response.approve"] = CaseAction.ApproveResponse,
        ["response.reject"] = CaseAction.RejectResponse,
        ["response.publish"] = CaseAction.PublishResponse,
    };

    public static string VerbOf(CaseAction action) => Actions.First(p => p.Value == action).Key;
}
