using System.Globalization;

namespace OpinionBot.Cases.Levels;

/// <summary>Checks <c>Workflow:LevelSuggestion</c> as written (before binding, which would throw on a bad number).</summary>
public static class LevelSuggestionProblems
{
    public static IReadOnlyList<string> Find(IConfigurationSection section)
    {
        var problems = new List<string>();
        foreach (var flag in section.GetSection("Flags").GetChildren())
        {
            if (!IsName<CaseFlag>(flag.Key))
                problems.Add($"{flag.Path} names no flag; use one of {string.Join(", ", Enum.GetNames<CaseFlag>())}.");
            if (!IsLevel(flag.Value) && !string.Equals(flag.Value?.Trim(), LevelSuggestionRules.None, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{flag.Path} is '{flag.Value}'; expected a level I, II, III or IV, or None.");
        }

        foreach (var threshold in section.GetSection("Reach").GetChildren())
        {
            if (!IsLevel(threshold["Level"]))
                problems.Add($"{threshold.Path}:Level is '{threshold["Level"]}'; expected a level I, II, III or IV.");
            var views = CheckCount(threshold, "Views", problems);
            var reposts = CheckCount(threshold, "Reposts", problems);
            if (!views && !reposts)
                problems.Add($"{threshold.Path} has neither Views nor Reposts; give at least one threshold.");
        }

        return problems;
    }

    /// <summary>Whether a count is configured; a configured one must be a positive whole number.</summary>
    private static bool CheckCount(IConfigurationSection threshold, string key, List<string> problems)
    {
        var value = threshold[key];
        if (string.IsNullOrWhiteSpace(value)) return false;
        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            problems.Add($"{threshold.Path}:{key} is '{value}'; expected a positive whole number.");
        return true;
    }

    private static bool IsLevel(string? value) => IsName<CaseLevel>(value?.Trim());

    private static bool IsName<TEnum>(string? value) where TEnum : struct, Enum =>
        Enum.GetNames<TEnum>().Any(n => n.Equals(value, StringComparison.OrdinalIgnoreCase));
}
