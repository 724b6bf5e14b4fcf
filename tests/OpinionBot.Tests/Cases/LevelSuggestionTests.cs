using Microsoft.Extensions.Configuration;
using OpinionBot.Cases;
using OpinionBot.Cases.Levels;

namespace OpinionBot.Tests.Cases;

public sealed class LevelSuggestionTests
{
    private static LevelSuggestion Suggest(CaseFlag[] flags, long? views = null, long? reposts = null, LevelSuggestionRules? rules = null) =>
        LevelSuggestion.For(flags, new Reach { Views = views, Reposts = reposts }, rules ?? LevelSuggestionRules.Default);

    [Fact]
    public void Nothing_suggests_a_level_without_flags_or_reach()
    {
        var none = Suggest([CaseFlag.Sensitive, CaseFlag.Sudden], views: 99_999, reposts: 999);

        Assert.Null(none.Minimum);
        Assert.Empty(none.Reasons);
        Assert.False(none.IsAbove(CaseLevel.IV));
    }

    [Fact]
    public void The_most_serious_suggestion_wins_with_every_reason_for_exactly_it()
    {
        var suggestion = Suggest([CaseFlag.BigV, CaseFlag.MassIncident, CaseFlag.LeaderInstruction, CaseFlag.PetitionBeyondLevel], views: 200_000);

        Assert.Equal(CaseLevel.II, suggestion.Minimum);
        Assert.Equal([CaseFlag.MassIncident, CaseFlag.LeaderInstruction], suggestion.Reasons.Select(r => r.Flag!.Value));
        Assert.True(suggestion.IsAbove(CaseLevel.III));
        Assert.False(suggestion.IsAbove(CaseLevel.II));
        Assert.False(suggestion.IsAbove(CaseLevel.I));
    }

    [Theory]
    [InlineData(100_000L, null, CaseLevel.III)]
    [InlineData(null, 1_000L, CaseLevel.III)]
    [InlineData(1_000_000L, 10L, CaseLevel.II)]
    [InlineData(5L, 10_000L, CaseLevel.II)]
    [InlineData(10_000_000L, null, CaseLevel.I)]
    [InlineData(null, 100_000L, CaseLevel.I)]
    public void Reach_at_a_threshold_suggests_its_level(long? views, long? reposts, CaseLevel expected)
    {
        var suggestion = Suggest([], views, reposts);

        Assert.Equal(expected, suggestion.Minimum);
        Assert.All(suggestion.Reasons, r => Assert.NotNull(r.Measure));
    }

    [Fact]
    public void Configured_flags_replace_their_defaults_None_drops_one_and_configured_reach_replaces_the_default()
    {
        var options = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflow:LevelSuggestion:Flags:BigV"] = "II",
            ["Workflow:LevelSuggestion:Flags:massIncident"] = "None",
            ["Workflow:LevelSuggestion:Reach:0:Level"] = "IV",
            ["Workflow:LevelSuggestion:Reach:0:Reposts"] = "50",
        }).Build().GetSection(LevelSuggestionOptions.Section).Get<LevelSuggestionOptions>()!;

        var rules = LevelSuggestionRules.From(options);

        Assert.Equal(CaseLevel.II, rules.Flags[CaseFlag.BigV]);
        Assert.False(rules.Flags.ContainsKey(CaseFlag.MassIncident));
        Assert.Equal(CaseLevel.II, rules.Flags[CaseFlag.KeyMediaFirst]);
        Assert.Equal([new ReachRule(CaseLevel.IV, null, 50)], rules.Reach);
        Assert.Null(Suggest([CaseFlag.MassIncident], views: 50_000_000, rules: rules).Minimum);
        Assert.Equal(CaseLevel.IV, Suggest([], reposts: 50, rules: rules).Minimum);
    }

    [Fact]
    public void Names_each_configuration_problem()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflow:LevelSuggestion:Flags:BigV"] = "II",
            ["Workflow:LevelSuggestion:Flags:Famous"] = "II",
            ["Workflow:LevelSuggestion:Flags:MassIncident"] = "V",
            ["Workflow:LevelSuggestion:Reach:0:Level"] = "II",
            ["Workflow:LevelSuggestion:Reach:0:Views"] = "many",
            ["Workflow:LevelSuggestion:Reach:1:Level"] = "I",
        }).Build().GetSection(LevelSuggestionOptions.Section);

        Assert.Equal(
        [
            "Workflow:LevelSuggestion:Flags:Famous names no flag; use one of " + string.Join(", ", Enum.GetNames<CaseFlag>()) + ".",
            "Workflow:LevelSuggestion:Flags:MassIncident is 'V'; expected a level I, II, III or IV, or None.",
            "Workflow:LevelSuggestion:Reach:0:Views is 'many'; expected a positive whole number.",
            "Workflow:LevelSuggestion:Reach:1 has neither Views nor Reposts; give at least one threshold.",
        ], LevelSuggestionProblems.Find(section));
    }
}
