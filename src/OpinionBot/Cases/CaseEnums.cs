namespace OpinionBot.Cases;

/// <summary>分级响应: I 特别重大, II 重大, III 较大, IV 一般.</summary>
public enum CaseLevel
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

public enum CaseState
{
    Reported,
    PrincipalReview,
    InProgress,
    Responded,
    Resolved,
    Archived,
    Dismissed,
}

public enum Platform
{
    Weibo,
    WeChat,
    Douyin,
    Kuaishou,
    Bilibili,
    Zhihu,
    Tieba,
    NewsSite,
    Forum,
    Hotline12345,
    Other,
}

public enum CaseCategory
{
    ComplaintAppeal,
    NegativeReport,
    Rumour,
    HarmfulInformation,
    Emergency,
}

public enum CaseFlag
{
    Sensitive,
    Sudden,
    MassIncident,
    Inflammatory,
    KeyMediaFirst,
    MajorSiteFrontPage,
    BigV,

    /// <summary>A leader's instruction on the matter (领导批示).</summary>
    LeaderInstruction,

    /// <summary>A petition beyond one's level (越级上访).</summary>
    PetitionBeyondLevel,
}

public enum CommentTendency
{
    Negative,
    Neutral,
    Positive,
}

public static class CaseStates
{
    public static bool IsOpen(this CaseState state) => state is not (CaseState.Archived or CaseState.Dismissed);

    /// <summary>Waiting for a leader's decision: reported, or at the principal's review.</summary>
    public static bool IsWaitingForLeader(this CaseState state) => state is CaseState.Reported or CaseState.PrincipalReview;
}
