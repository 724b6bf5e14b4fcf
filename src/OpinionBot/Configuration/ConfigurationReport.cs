namespace OpinionBot.Configuration;

public static class ConfigurationReport
{
    /// <summary>Writes one line per problem to standard error and returns the process exit code.</summary>
    public static int Refuse(IReadOnlyList<string> problems)
    {
        Console.Error.WriteLine($"OpinionBot cannot start: {problems.Count} configuration problem(s).");
        foreach (var problem in problems)
            Console.Error.WriteLine($"  - {problem}");
        return 2;
    }
}
