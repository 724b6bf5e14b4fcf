using OpinionBot.Cases;

namespace OpinionBot.Procedure;

/// <summary>
/// A request to act on a case: what, with which text (comment, reason, note, draft, result) and, where the action needs
/// them, the new level, the unit (reassign, cooperate, acknowledge), the statement's kind and a promised date.
/// </summary>
public sealed record CaseCommand(
    CaseAction Action,
    string Text = "",
    CaseLevel? NewLevel = null,
    string? Unit = null,
    StatementKind? Kind = null,
    DateOnly? PromisedDate = null);
