using OpinionBot.Cases;

namespace OpinionBot.Procedure;

/// <summary>
/// The outcome of a <see cref="CaseCommand"/>: refused with a reason (a text key and its argument), or allowed by a row
/// of <see cref="ProcedureTable"/>. An allowed decision has already changed the case object it was given; it names the
/// statement and the dispatch the action made or moved, for what follows.
/// </summary>
public sealed record Decision(string? RefusalKey, object? RefusalArgument, ProcedureRow? Row)
{
    public bool Allowed => RefusalKey is null;

    public IReadOnlyList<CaseEventKind> Events => Row?.Records ?? [];

    public Statement? Statement { get; init; }
    public Dispatch? Dispatch { get; init; }

    public static Decision Refuse(string key, object? argument = null) => new(key, argument, null);

    public static Decision Allow(ProcedureRow row) => new(null, null, row);
}
