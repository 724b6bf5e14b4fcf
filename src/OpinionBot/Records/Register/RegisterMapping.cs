using System.Globalization;
using LiteDB;
using OpinionBot.Cases;
using OpinionBot.Deadlines;

namespace OpinionBot.Records.Register;

/// <summary>
/// Reads cases, owed steps and timeline events from raw LiteDB documents, as <see cref="Storage.LiteDbMapper"/> stores
/// them (instants as UTC dates, calendar dates as <c>yyyy-MM-dd</c>, enums by name, nulls left out), several times
/// faster than the general mapper — the register reads a hundred thousand of each. Only the fields the records use.
/// </summary>
public static class RegisterMapping
{
    public static Case ToCase(BsonDocument d) => new()
    {
        Number = d["_id"].AsString,
        Year = Int(d, nameof(Case.Year)),
        Sequence = Int(d, nameof(Case.Sequence)),
        SubmissionId = Text(d, nameof(Case.SubmissionId)),
        Title = Text(d, nameof(Case.Title)),
        Summary = Text(d, nameof(Case.Summary)),
        Links = Texts(d, nameof(Case.Links)),
        Platform = Enum<Platform>(d, nameof(Case.Platform)),
        PublishedAt = Instant(d, nameof(Case.PublishedAt)),
        DiscoveredAt = Instant(d, nameof(Case.DiscoveredAt)) ?? default,
        ReportedAt = Instant(d, nameof(Case.ReportedAt)) ?? default,
        ReporterKey = Text(d, nameof(Case.ReporterKey)),
        ReporterName = Text(d, nameof(Case.ReporterName)),
        UnitId = Text(d, nameof(Case.UnitId)),
        CooperatingUnits = Texts(d, nameof(Case.CooperatingUnits)),
        Level = Enum<CaseLevel>(d, nameof(Case.Level)),
        Category = Enum<CaseCategory>(d, nameof(Case.Category)),
        Flags = d[nameof(Case.Flags)] is { IsArray: true } flags ? flags.AsArray.Select(f => System.Enum.Parse<CaseFlag>(f.AsString)).ToList() : [],
        Reach = d[nameof(Case.Reach)] is { IsDocument: true } reach
            ? new Reach { Reposts = Long(reach.AsDocument, nameof(Reach.Reposts)), Comments = Long(reach.AsDocument, nameof(Reach.Comments)), Views = Long(reach.AsDocument, nameof(Reach.Views)) }
            : new Reach(),
        CommentTendency = d[nameof(Case.CommentTendency)] is { IsString: true } tendency ? System.Enum.Parse<CommentTendency>(tendency.AsString) : null,
        State = Enum<CaseState>(d, nameof(Case.State)),
        NextDeadline = Instant(d, nameof(Case.NextDeadline)),
        ReportedOn = Day(d, nameof(Case.ReportedOn)) ?? default,
        Version = Int(d, nameof(Case.Version)),
        PendingQuestion = NullableText(d, nameof(Case.PendingQuestion)),
        QuestionAskedBy = NullableText(d, nameof(Case.QuestionAskedBy)),
        Statements = Documents(d, nameof(Case.Statements)).Select(Statement).ToList(),
        Dispatches = Documents(d, nameof(Case.Dispatches)).Select(Dispatch).ToList(),
        HandlingResult = NullableText(d, nameof(Case.HandlingResult)),
        Reopened = Int(d, nameof(Case.Reopened)),
        Escalated = Bool(d, nameof(Case.Escalated)),
        ClosingReview = NullableText(d, nameof(Case.ClosingReview)),
        RelatedCases = Texts(d, nameof(Case.RelatedCases)),
    };

    /// <summary>The steps held by a case's clocks document (<see cref="CaseClocks"/>).</summary>
    public static List<OwedStep> StepsOf(BsonDocument clocks) => clocks[nameof(CaseClocks.Steps)].AsArray.Select(s => ToStep(s.AsDocument)).ToList();

    public static OwedStep ToStep(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        CaseNumber = Text(d, nameof(OwedStep.CaseNumber)),
        UnitId = Text(d, nameof(OwedStep.UnitId)),
        Clock = Enum<StepClock>(d, nameof(OwedStep.Clock)),
        OwedBy = Enum<StepOwner>(d, nameof(OwedStep.OwedBy)),
        StartedAt = Instant(d, nameof(OwedStep.StartedAt)) ?? default,
        DueAt = Instant(d, nameof(OwedStep.DueAt)) ?? default,
        Open = Bool(d, nameof(OwedStep.Open)),
        OpenDueAt = Instant(d, nameof(OwedStep.OpenDueAt)),
        DoneAt = Instant(d, nameof(OwedStep.DoneAt)),
        Lateness = d[nameof(OwedStep.Lateness)] switch
        {
            { IsNumber: true } ticks => TimeSpan.FromTicks(ticks.AsInt64),
            { IsString: true } text => TimeSpan.Parse(text.AsString, CultureInfo.InvariantCulture),
            _ => null,
        },
        Cancelled = Bool(d, nameof(OwedStep.Cancelled)),
        SlipsSent = Int(d, nameof(OwedStep.SlipsSent)),
        Escalated = Bool(d, nameof(OwedStep.Escalated)),
    };

    /// <summary>The event's case, kind, time and actor (not its comment).</summary>
    public static CaseEvent ToEvent(BsonDocument d) => new()
    {
        CaseNumber = Text(d, nameof(CaseEvent.CaseNumber)),
        At = Instant(d, nameof(CaseEvent.At)) ?? default,
        Kind = Enum<CaseEventKind>(d, nameof(CaseEvent.Kind)),
        ActorKey = Text(d, nameof(CaseEvent.ActorKey)),
        ActorName = Text(d, nameof(CaseEvent.ActorName)),
    };

    private static Statement Statement(BsonDocument d) => new()
    {
        Id = Int(d, "_id"), // the mapper stores any property named Id as _id
        Kind = Enum<StatementKind>(d, nameof(Cases.Statement.Kind)),
        Text = Text(d, nameof(Cases.Statement.Text)),
        Stage = Enum<StatementStage>(d, nameof(Cases.Statement.Stage)),
        PromisedDate = Day(d, nameof(Cases.Statement.PromisedDate)),
        DraftedBy = Text(d, nameof(Cases.Statement.DraftedBy)),
        DraftedByName = Text(d, nameof(Cases.Statement.DraftedByName)),
        DraftedAt = Instant(d, nameof(Cases.Statement.DraftedAt)) ?? default,
        ApprovedByName = NullableText(d, nameof(Cases.Statement.ApprovedByName)),
        SignedByName = NullableText(d, nameof(Cases.Statement.SignedByName)),
        PublishedByName = NullableText(d, nameof(Cases.Statement.PublishedByName)),
        PublishedAt = Instant(d, nameof(Cases.Statement.PublishedAt)),
        ReturnReason = NullableText(d, nameof(Cases.Statement.ReturnReason)),
    };

    private static Dispatch Dispatch(BsonDocument d) => new()
    {
        UnitId = Text(d, nameof(Cases.Dispatch.UnitId)),
        Role = Enum<DispatchRole>(d, nameof(Cases.Dispatch.Role)),
        DispatchedAt = Instant(d, nameof(Cases.Dispatch.DispatchedAt)) ?? default,
        DispatchedByName = Text(d, nameof(Cases.Dispatch.DispatchedByName)),
        AcknowledgedByName = NullableText(d, nameof(Cases.Dispatch.AcknowledgedByName)),
        AcknowledgedAt = Instant(d, nameof(Cases.Dispatch.AcknowledgedAt)),
        Withdrawn = Bool(d, nameof(Cases.Dispatch.Withdrawn)),
    };

    private static IEnumerable<BsonDocument> Documents(BsonDocument d, string field) =>
        d[field] is { IsArray: true } items ? items.AsArray.Where(i => i.IsDocument).Select(i => i.AsDocument) : [];

    private static bool Bool(BsonDocument d, string field) => d[field] is { IsBoolean: true } value && value.AsBoolean;

    private static DateOnly? Day(BsonDocument d, string field) =>
        d[field] is { IsString: true } value ? DateOnly.ParseExact(value.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    private static string Text(BsonDocument d, string field) => d[field] is { IsString: true } value ? value.AsString : "";

    private static string? NullableText(BsonDocument d, string field) => d[field] is { IsString: true } value ? value.AsString : null;

    private static List<string> Texts(BsonDocument d, string field) =>
        d[field] is { IsArray: true } values ? values.AsArray.Select(v => v.AsString).ToList() : [];

    private static int Int(BsonDocument d, string field) => d[field] is { IsNumber: true } value ? value.AsInt32 : 0;

    private static long? Long(BsonDocument d, string field) => d[field] is { IsNumber: true } value ? value.AsInt64 : null;

    private static TEnum Enum<TEnum>(BsonDocument d, string field) where TEnum : struct, Enum =>
        d[field] is { IsString: true } value ? System.Enum.Parse<TEnum>(value.AsString) : default;

    private static DateTimeOffset? Instant(BsonDocument d, string field) =>
        d[field] is { IsDateTime: true } value ? new DateTimeOffset(value.AsDateTime.ToUniversalTime(), TimeSpan.Zero) : null;
}
