namespace OpinionBot.Records.Dossier;

/// <summary>
/// A public statement (回应) as the records show it: which kind, its text, where it stands, and when it was drafted,
/// signed off and published. <see cref="KindKey"/> is a text key (e.g. <c>statement.kind.Response</c>).
/// </summary>
public sealed record StatementRecord(
    string KindKey,
    string Text,
    string StageKey,
    string DraftedBy,
    DateTimeOffset? DraftedAt,
    DateTimeOffset? SignedOffAt,
    DateTimeOffset? PublishedAt);

/// <summary>A dispatch (交办) of the case to a unit, and its acknowledgement.</summary>
public sealed record DispatchRecord(
    string UnitId,
    DateTimeOffset At,
    string By,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy);
