namespace OpinionBot.Roster;

/// <summary>How a person is written in the roster: an Entra object id or an email/UPN, compared case-insensitively.</summary>
public static class PersonKey
{
    public static string Normalize(string person) => person.Trim().ToLowerInvariant();

    /// <summary>An Entra object id (a GUID) or something shaped like an email/UPN.</summary>
    public static bool IsValid(string? person)
    {
        var value = person?.Trim() ?? "";
        return IsObjectId(value) || IsEmailLike(value);
    }

    public static bool IsObjectId(string person) => Guid.TryParse(person, out _);

    public static bool IsEmailLike(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }

    public static List<string> NormalizeAll(IEnumerable<string> people) =>
        people.Where(p => !string.IsNullOrWhiteSpace(p)).Select(Normalize).Distinct().ToList();
}
