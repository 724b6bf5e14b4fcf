namespace OpinionBot.Cases.Lifecycle;

/// <summary>A request to act on a case: what, with which text (comment, reason, draft, result) and, when changing them, the new level or unit.</summary>
public sealed record CaseCommand(CaseAction Action, string Text = "", CaseLevel? NewLevel = null, string? NewUnit = null);
