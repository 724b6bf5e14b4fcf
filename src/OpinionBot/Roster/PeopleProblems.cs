namespace OpinionBot.Roster;

/// <summary>Checks <c>Organization:People</c>: each entry names a person (object id or email/UPN) once, with a name.</summary>
public static class PeopleProblems
{
    public const int MaxNameLength = 100;

    public static IReadOnlyList<string> Find(IReadOnlyList<PersonOptions> people)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < people.Count; i++)
        {
            var where = $"Organization:People:{i}";
            var id = people[i].Id?.Trim() ?? "";
            var name = people[i].Name?.Trim() ?? "";
            if (id.Length == 0)
                problems.Add($"{where} has no Id (the person's Entra object id or email/UPN, as the roster writes them).");
            else if (!PersonKey.IsValid(id))
                problems.Add($"{where}:Id '{id}' is neither an Entra object id (GUID) nor an email/UPN.");
            else if (!seen.Add(id))
                problems.Add($"{where} repeats '{id}'; give each person one name.");
            if (name.Length == 0)
                problems.Add($"{where} ('{id}') has no Name.");
            else if (name.Length > MaxNameLength)
                problems.Add($"{where} ('{id}') has a Name longer than {MaxNameLength} characters.");
        }

        return problems;
    }
}
