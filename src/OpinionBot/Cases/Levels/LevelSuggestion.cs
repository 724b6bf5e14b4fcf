namespace OpinionBot.Cases.Levels;

/// <summary>
/// The minimum level a case's flags and reach suggest (分级响应), with the reasons that set it; the leader still
/// decides. <see cref="Minimum"/> is null when nothing suggests a level.
/// </summary>
public sealed record LevelSuggestion(CaseLevel? Minimum, IReadOnlyList<SuggestionReason> Reasons)
{
    public static LevelSuggestion For(Case c, LevelSuggestionRules rules) => For(c.Flags, c.Reach, rules);

    /// <summary>The most serious level any flag or reach threshold suggests, and every reason that suggests exactly it.</summary>
    public static LevelSuggestion For(IEnumerable<CaseFlag> flags, Reach reach, LevelSuggestionRules rules)
    {
        var reasons = new List<SuggestionReason>();
        foreach (var flag in flags.Distinct().Order())
        {
            if (rules.Flags.TryGetValue(flag, out var level))
                reasons.Add(new SuggestionReason(level, flag, null, 0));
        }

        foreach (var rule in rules.Reach)
        {
            if (rule.Views is { } views && reach.Views >= views)
                reasons.Add(new SuggestionReason(rule.Level, null, ReachMeasure.Views, views));
            if (rule.Reposts is { } reposts && reach.Reposts >= reposts)
                reasons.Add(new SuggestionReason(rule.Level, null, ReachMeasure.Reposts, reposts));
        }

        if (reasons.Count == 0)
            return new LevelSuggestion(null, []);
        var minimum = reasons.Min(r => r.Level);
        return new LevelSuggestion(minimum, reasons.Where(r => r.Level == minimum).ToList());
    }

    /// <summary>True when <paramref name="chosen"/> is less serious than the suggestion (IV is less serious than II).</summary>
    public bool IsAbove(CaseLevel chosen) => Minimum is { } minimum && chosen > minimum;
}

/// <summary>Why a level is suggested: a flag, or a reach measure at or above its threshold.</summary>
public sealed record SuggestionReason(CaseLevel Level, CaseFlag? Flag, ReachMeasure? Measure, long Threshold);

public enum ReachMeasure
{
    Views,
    Reposts,
}
