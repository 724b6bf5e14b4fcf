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

    /// <summary>The public statements (回应): first response, formal answer, staged updates, final result, in drafting order.</summary>
    public List<Statement> Statements { get; set; } = [];

    /// <summary>The units the case was dispatched to (交办): the lead unit and any cooperating units, with their acknowledgements.</summary>
    public List<Dispatch> Dispatches { get; set; } = [];

    public string? HandlingResult { get; set; }

    /// <summary>How often the case was reopened after a rebound (舆情反弹).</summary>
    public int Reopened { get; set; }

    /// <summary>Three reminder slips went unanswered and the office was notified (通报), for the unit's assessment.</summary>
    public bool Escalated { get; set; }
    public string? ClosingReview { get; set; }

    /// <summary>When the netizen posted it; discovery when the post time is unknown. Response clocks count from here.</summary>
    [BsonIgnore]
    public DateTimeOffset PostedAt => PublishedAt ?? DiscoveredAt;

    /// <summary>Cases about the same matter (repeated posts, 舆情反弹), linked both ways by <c>link</c>.</summary>
    public List<string> RelatedCases { get; set; } = [];

    /// <summary>The statement being signed off or waiting to be published, if any (one at a time).</summary>
    [BsonIgnore]
    public Statement? StatementInFlight => Statements.LastOrDefault(s => s.InFlight);

    /// <summary>
    /// The unit of a case still open, null once it is archived or dismissed. Stored with the case on LiteDB, whose
    /// index on it finds and counts open cases by unit (a stored field, so counts come from index keys alone).
    /// </summary>
    public string? OpenUnitId => State.IsOpen() ? UnitId : null;

    /// <summary>When a case waiting for a leader (reported, or at principal review) was reported; null for any other. Stored and indexed likewise.</summary>
    public DateTimeOffset? WaitingSince => State.IsWaitingForLeader() ? ReportedAt : null;

    /// <summary>
    /// A copy that shares nothing changeable with this case (its lists, reach, statements and dispatches are copied as
    /// well): the procedure runs each report on a copy, since a store may run the work again from the submission.
    /// </summary>
    public Case Copy()
    {
        var copy = (Case)MemberwiseClone();
        copy.Links = [.. Links];
        copy.CooperatingUnits = [.. CooperatingUnits];
        copy.Flags = [.. Flags];
        copy.Reach = Reach.Copy();
        copy.Statements = Statements.ConvertAll(s => s.Copy());
        copy.Dispatches = Dispatches.ConvertAll(d => d.Copy());
        copy.RelatedCases = [.. RelatedCases];
        return copy;
    }
}

public sealed class Reach
{
    public long? Reposts { get; set; }
    public long? Comments { get; set; }
    public long? Views { get; set; }

    public Reach Copy() => (Reach)MemberwiseClone();
}
