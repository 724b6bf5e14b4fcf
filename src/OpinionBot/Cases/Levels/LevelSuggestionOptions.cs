namespace OpinionBot.Cases.Levels;

/// <summary>
/// The <c>Workflow:LevelSuggestion</c> section: the minimum level each flag suggests, and the reach that does.
/// Configured flags replace their defaults (<c>None</c> drops a flag's suggestion); configured reach thresholds
/// replace the default ones (see <see cref="LevelSuggestionRules.Default"/>).
/// </summary>
public sealed class LevelSuggestionOptions
{
    public const string Section = "Workflow:LevelSuggestion";

    /// <summary>Flag name (<c>MassIncident</c> …) → level (<c>I</c> … <c>IV</c>, or <c>None</c>).</summary>
    public Dictionary<string, string> Flags { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when not configured: the configuration binder would append to a non-empty default.</summary>
    public List<ReachThresholdOptions>? Reach { get; set; }
}

/// <summary>Reach that suggests at least <see cref="Level"/>: views or reposts at or above the given numbers.</summary>
public sealed class ReachThresholdOptions
{
    public string Level { get; set; } = "";
    public long? Views { get; set; }
    public long? Reposts { get; set; }
}
