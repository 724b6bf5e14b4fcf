using LiteDB;

namespace OpinionBot.Cases;

/// <summary>
/// One public statement (回应) of a case: drafted by the unit, approved by its supervising leader, signed by its principal
/// leader, published by the office. Each kind closes its own clock.
/// </summary>
public sealed class Statement
{
    public int Id { get; set; }
    public StatementKind Kind { get; set; }
    public string Text { get; set; } = "";
    public StatementStage Stage { get; set; }

    /// <summary>承诺办理时限: the date by which an answer that cannot settle the matter yet promises it will be.</summary>
    public DateOnly? PromisedDate { get; set; }

    public string DraftedBy { get; set; } = "";
    public string DraftedByName { get; set; } = "";
    public DateTimeOffset DraftedAt { get; set; }
    public string? ApprovedByName { get; set; }
    public string? SignedByName { get; set; }
    public string? PublishedByName { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? ReturnReason { get; set; }

    [BsonIgnore]
    public bool InFlight => Stage is StatementStage.SupervisorReview or StatementStage.PrincipalSign or StatementStage.Approved;

    /// <summary>A copy (every member is a value or a string).</summary>
    public Statement Copy() => (Statement)MemberwiseClone();
}

public enum StatementKind
{
    /// <summary>首次回应: the first public word, due hours after the post.</summary>
    FirstResponse,

    /// <summary>正式答复: the answer to a problem that can be settled quickly.</summary>
    FormalAnswer,

    /// <summary>阶段性信息: what has been done so far; any number of them.</summary>
    StagedUpdate,

    /// <summary>最终结果: the outcome, announced.</summary>
    FinalResult,
}

public enum StatementStage
{
    SupervisorReview,
    PrincipalSign,
    Approved,
    Published,
    Returned,
}
