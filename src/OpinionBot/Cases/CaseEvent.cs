using LiteDB;

namespace OpinionBot.Cases;

/// <summary>One entry of a case's timeline (全过程记录). Inserted once, never edited or deleted.</summary>
public sealed class CaseEvent
{
    [BsonId]
    public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public string CaseNumber { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public CaseEventKind Kind { get; set; }
    public string ActorKey { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Comment { get; set; } = "";

    /// <summary>Names what caused the event (e.g. the inbound activity id), so a redelivered activity adds nothing.</summary>
    public string DedupKey { get; set; } = ObjectId.NewObjectId().ToString();

    /// <summary>A timeline in the order it is shown and recorded: by time, then by insertion.</summary>
    public static List<CaseEvent> InTimelineOrder(IEnumerable<CaseEvent> events) => events.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
}

public enum CaseEventKind
{
    Reported,
    ProgressNote,
    EvidenceAdded,
    Approved,
    PrincipalApproved,
    Rejected,
    InfoRequested,
    InfoProvided,
    Escalated,
    Reassigned,
    ResponseDrafted,
    ResponseApproved,
    ResponseRejected,
    ResponsePublished,
    Resolved,
    Reviewed,
    Archived,
    LeaderUnreachable,
    ReminderSlip,
    EscalationNotice,
    LevelLowered,
    CooperatingUnitAdded,
    Dispatched,
    DispatchAcknowledged,
    StatementSigned,
    Reopened,
    CardRerouted,

    /// <summary>Linked to a related case (the comment holds its number); recorded on both cases.</summary>
    Linked,

    /// <summary>An archive package (.zip) was made; the comment carries its SHA-256.</summary>
    ArchivePackaged,
}
