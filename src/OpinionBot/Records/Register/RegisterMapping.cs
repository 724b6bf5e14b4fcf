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
        ReportedOn = d[nameof(Case.ReportedOn)] is { IsString: true } on ? DateOnly.ParseExact(on.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture) : default,
        Version = Int(d, nameof(Case.Version)),
        Response = d[nameof(Case.Response)] is { IsDocument: true } response ? Response(response.AsDocument) : null,
        HandlingResult = NullableText(d, nameof(Case.HandlingResult)),
        Escalated = d[nameof(Case.Escalated)] is { IsBoolean: true } escalated && escalated.AsBoolean,
        ClosingReview = NullableText(d, nameof(Case.ClosingReview)),
    };

    public static OwedStep ToStep(BsonDocument d) => new()
    {
        Id = d["_id"].AsString,
        CaseNumber = Text(d, nameof(OwedStep.CaseNumber)),
        UnitId = Text(d, nameof(OwedStep.UnitId)),
        Clock = Enum<StepClock>(d, nameof(OwedStep.Clock)),
        OwedBy = Enum<StepOwner>(d, nameof(OwedStep.OwedBy)),
        StartedAt = Instant(d, nameof(OwedStep.StartedAt)) ?? default,
        DueAt = Instant(d, nameof(OwedStep.DueAt)) ?? default,
        Open = d[nameof(OwedStep.Open)] is { IsBoolean: true } open && open.AsBoolean,
        OpenDueAt = Instant(d, nameof(OwedStep.OpenDueAt)),
        DoneAt = Instant(d, nameof(OwedStep.DoneAt)),
        Lateness = d[nameof(OwedStep.Lateness)] switch
        {
            { IsNumber: true } ticks => TimeSpan.FromTicks(ticks.AsInt64),
            { IsString: true } text => TimeSpan.Parse(text.AsString, CultureInfo.InvariantCulture),
            _ => null,
        },
        Cancelled = d[nameof(OwedStep.Cancelled)] is { IsBoolean: true } cancelled && cancelled.AsBoolean,
        SlipsSent = Int(d, nameof(OwedStep.SlipsSent)),
        Escalated = d[nameof(OwedStep.Escalated)] is { IsBoolean: true } escalated && escalated.AsBoolean,
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

    private static ResponseDraft Response(BsonDocument d) => new()
    {
        Text = Text(d, nameof(ResponseDraft.Text)),
        Stage = Enum<ResponseStage>(d, nameof(ResponseDraft.Stage)),
        DraftedBy = Text(d, nameof(ResponseDraft.DraftedBy)),
        DraftedAt = Instant(d, nameof(ResponseDraft.DraftedAt)) ?? default,
    };

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
