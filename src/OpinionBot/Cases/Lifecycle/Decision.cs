namespace OpinionBot.Cases.Lifecycle;

/// <summary>
/// The outcome of a <see cref="CaseCommand"/>: refused with a reason (a text key and its argument), or allowed with the
/// timeline events it records. An allowed decision has already changed the case object it was given.
/// </summary>
public sealed record Decision(string? RefusalKey, object? RefusalArgument, IReadOnlyList<CaseEventKind> Events)
{
    public bool Allowed => RefusalKey is null;

    public static Decision Refuse(string key, object? argument = null) => new(key, argument, []);

    public static Decision Allow(params CaseEventKind[] events) => new(null, null, events);
}
