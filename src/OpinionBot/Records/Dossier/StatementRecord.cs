namespace OpinionBot.Records.Dossier;

/// <summary>
/// A public statement (回应) as the records show it: its kind and stage as text keys (<c>statement.kind.FirstResponse</c>,
/// <c>statement.stage.Published</c>), its text, who drafted, approved, signed and published it and when, and the date
/// it promised (承诺办理时限) if any.
/// </summary>
public sealed record StatementRecord(
    string KindKey,
    string Text,
    string StageKey,
    string DraftedBy,
    DateTimeOffset? DraftedAt,
    string? ApprovedBy,
    string? SignedBy,
    string? PublishedBy,
    DateTimeOffset? PublishedAt,
    DateOnly? PromisedDate,
    string? ReturnReason);

/// <summary>A dispatch (交办) of the case to a unit — as lead or cooperating unit — and its acknowledgement.</summary>
public sealed record DispatchRecord(
    string UnitId,
    string RoleKey,
    DateTimeOffset At,
    string By,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    bool Withdrawn);
