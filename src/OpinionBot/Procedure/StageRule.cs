namespace OpinionBot.Procedure;

/// <summary>
/// Who decides an <see cref="ApprovalStage"/>, the actions its card offers, and the shared conversation its card falls
/// back to when a decider has no personal chat with the bot.
/// </summary>
public sealed record StageRule(ApprovalStage Stage, CaseRole DecidedBy, IReadOnlyList<CaseAction> Actions, SharedChat FallsBackTo);

public enum SharedChat
{
    /// <summary>The unit's <c>ApprovalConversationId</c> (for a dispatch, the dispatched unit's).</summary>
    UnitApprovalChat,

    /// <summary>The office's conversation, tried first (the office decides together).</summary>
    OfficeConversation,
}
