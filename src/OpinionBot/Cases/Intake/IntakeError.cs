namespace OpinionBot.Cases.Intake;

/// <summary>One problem with a submitted intake card: a text key, the field it concerns (its label is shown) and a detail.</summary>
public sealed record IntakeError(string Key, string? Field = null, object? Detail = null);
