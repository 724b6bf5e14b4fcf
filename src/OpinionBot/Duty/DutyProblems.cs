using OpinionBot.Roster;

namespace OpinionBot.Duty;

/// <summary>Checks <c>Organization:Duty</c>: each entry names someone on the roster, at least one valid day and valid times.</summary>
public static class DutyProblems
{
    public static IReadOnlyList<string> Find(OrganizationOptions organization)
    {
        var problems = new List<string>();
        var onRoster = RosterPeople(organization);
        for (var i = 0; i < organization.Duty.Count; i++)
        {
            var entry = organization.Duty[i];
            var where = $"Organization:Duty:{i}";
            var person = entry.Person?.Trim() ?? "";
            if (person.Length == 0)
                problems.Add($"{where} has no Person (who is on duty, as the roster writes them).");
            else if (!PersonKey.IsValid(person))
                problems.Add($"{where}:Person '{person}' is neither an Entra object id (GUID) nor an email/UPN.");
            else if (!onRoster.Contains(PersonKey.Normalize(person)))
                problems.Add($"{where}:Person '{person}' is not on the roster (a unit, the office, the leading-group head or an admin); the bot can only reach people on it.");

            if (entry.Days.Count(d => !string.IsNullOrWhiteSpace(d)) == 0)
                problems.Add($"{where} has no Days; list weekdays (Mon … Sun), dates (yyyy-MM-dd) or Holidays.");
            for (var d = 0; d < entry.Days.Count; d++)
            {
                if (!DutyShift.TryParseDay(entry.Days[d] ?? "", out _, out _, out _))
                    problems.Add($"{where}:Days:{d} '{entry.Days[d]}' is not a weekday (Mon … Sun), a date (yyyy-MM-dd) or Holidays.");
            }

            if (!DutyShift.TryParseTime(entry.From, allowEndOfDay: false, out _))
                problems.Add($"{where}:From '{entry.From}' is not a time in HH:mm form (00:00 to 23:59).");
            if (!DutyShift.TryParseTime(entry.To, allowEndOfDay: true, out _))
                problems.Add($"{where}:To '{entry.To}' is not a time in HH:mm form (00:00 to 24:00).");
        }

        return problems;
    }

    private static HashSet<string> RosterPeople(OrganizationOptions organization) =>
        organization.Units
            .SelectMany(u => u.Officers.Concat(u.SupervisingLeaders).Concat(u.PrincipalLeaders))
            .Concat(organization.Office.Members).Concat(organization.Admins).Append(organization.LeadingGroupHead)
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(PersonKey.Normalize)
            .ToHashSet();
}
