namespace OpinionBot.Cases.Levels;

/// <summary>The minimum level each flag suggests, and the reach thresholds (most serious level wins).</summary>
public sealed record LevelSuggestionRules(IReadOnlyDictionary<CaseFlag, CaseLevel> Flags, IReadOnlyList<ReachRule> Reach)
{
    public const string None = "None";

    /// <summary>
    /// The defaults: mass incident, first published by key media, a major site's front page and a leader's instruction
    /// suggest at least II (重大); big-V involvement and a petition beyond one's level at least III (较大). Reach: 100,000
    /// views or 1,000 reposts → III; 1,000,000 views or 10,000 reposts → II; 10,000,000 views or 100,000 reposts → I.
    /// </summary>
    public static LevelSuggestionRules Default { get; } = new(
        new Dictionary<CaseFlag, CaseLevel>
        {
            [CaseFlag.MassIncident] = CaseLevel.II,
            [CaseFlag.KeyMediaFirst] = CaseLevel.II,
            [CaseFlag.MajorSiteFrontPage] = CaseLevel.II,
            [CaseFlag.LeaderInstruction] = CaseLevel.II,
            [CaseFlag.BigV] = CaseLevel.III,
            [CaseFlag.PetitionBeyondLevel] = CaseLevel.III,
        },
        [
            new ReachRule(CaseLevel.III, Views: 100_000, Reposts: 1_000),
            new ReachRule(CaseLevel.II, Views: 1_000_000, Reposts: 10_000),
            new ReachRule(CaseLevel.I, Views: 10_000_000, Reposts: 100_000),
        ]);

    /// <summary>The defaults with the configured flags and reach applied; the options must be valid (see <see cref="LevelSuggestionProblems"/>).</summary>
    public static LevelSuggestionRules From(LevelSuggestionOptions options)
    {
        var flags = new Dictionary<CaseFlag, CaseLevel>(Default.Flags);
        foreach (var (name, level) in options.Flags)
        {
            var flag = Enum.Parse<CaseFlag>(name, ignoreCase: true);
            if (level.Trim().Equals(None, StringComparison.OrdinalIgnoreCase))
                flags.Remove(flag);
            else
                flags[flag] = Enum.Parse<CaseLevel>(level.Trim(), ignoreCase: true);
        }

        var reach = options.Reach is { Count: > 0 } configured
            ? configured.Select(r => new ReachRule(Enum.Parse<CaseLevel>(r.Level.Trim(), ignoreCase: true), r.Views, r.Reposts)).ToList()
            : Default.Reach;
        return new LevelSuggestionRules(flags, reach);
    }
}

/// <summary>Views at or above <see cref="Views"/>, or reposts at or above <see cref="Reposts"/>, suggest at least <see cref="Level"/>.</summary>
public sealed record ReachRule(CaseLevel Level, long? Views, long? Reposts);
