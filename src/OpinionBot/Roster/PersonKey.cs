namespace OpinionBot.Roster;

/// <summary>How a person is written in the roster: an Entra object id or an email/UPN, compared case-insensitively.</summary>
public static class PersonKey
{
    public static string Normalize(string person) => person.Trim().ToLowerInvariant();

    public static List<string> NormalizeAll(IEnumerable<string> people) =>
        people.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalize).Distinct().ToList();
}
