using LiteDB;

namespace OpinionBot.Cases;

/// <summary>A public-opinion incident (舆情事件), as the incident log requires it. Times are UTC.</summary>
public sealed class Case
{
    [BsonId]
    public string Number { get; set; } = "";
    public int Year { get; set; }
    public int Sequence { get; set; }

    /// <summary>The intake card's submission id: the same submission never makes a second case.</summary>
    public string SubmissionId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public List<string> Links { get; set; } = [];
    public Platform Platform { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public DateTimeOffset DiscoveredAt { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public string ReporterKey { get; set; } = "";
    public string ReporterName { get; set; } = "";
    public string UnitId { get; set; } = "";
    public List<string> CooperatingUnits { get; set; } = [];
    public CaseLevel Level { get; set; }
    public CaseCategory Category { get; set; }
    public List<CaseFlag> Flags { get; set; } = [];
    public Reach Reach { get; set; } = new();
    public CommentTendency? CommentTendency { get; set; }
    public CaseState State { get; set; } = CaseState.Reported;

    /// <summary>The earliest deadline still owed, for lists and the index; null when nothing is owed.</summary>
    public DateTimeOffset? NextDeadline { get; set; }

    /// <summary>The local (organisation zone) date it was reported: the unit's daily report for that day.</summary>
    public DateOnly ReportedOn { get; set; }

    /// <summary>Counts every change; a card carries the version it showed, so a press on an older card is recognised.</summary>
    public int Version { get; set; }

    /// <summary>A leader's question awaiting the officer's answer (需补充信息), with who asked.</summary>
    public string? PendingQuestion { get; set; }
    public string? QuestionAskedBy { get; set; }

    public ResponseDraft? Response { get; set; }
    public string? HandlingResult { get; set; }

    /// <summary>Three reminder slips went unanswered and the office was notified (通报), for the unit's assessment.</summary>
    public bool Escalated { get; set; }
    public string? ClosingReview { get; set; }

    /// <summary>Cases about the same matter (repeated posts, 舆情反弹), linked both ways by <c>link</c>.</summary>
    public List<string> RelatedCases { get; set; } = [];

    /// <summary>Levels I and II need the principal leader's sign-off too.</summary>
    public bool IsMajor => Level is CaseLevel.I or CaseLevel.II;
}

/// <summary>The public response (回应) as drafted by the officer and signed off by the leaders.</summary>
public sealed class ResponseDraft
{
    public string Text { get; set; } = "";
    public ResponseStage Stage { get; set; }
    public string DraftedBy { get; set; } = "";
    public DateTimeOffset DraftedAt { get; set; }
}

public enum ResponseStage
{
    SupervisorReview,
    PrincipalReview,
    Approved,
    Published,
}

public sealed class Reach
{
    public long? Reposts { get; set; }
    public long? Comments { get; set; }
    public long? Views { get; set; }
}
