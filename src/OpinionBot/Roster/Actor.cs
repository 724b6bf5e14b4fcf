namespace OpinionBot.Roster;

/// <summary>A person on the roster, with every role they hold.</summary>
public sealed record Actor(
    string Key,
    string TeamsUserId,
    string Name,
    IReadOnlyList<string> OfficerOf,
    IReadOnlyList<string> SupervisorOf,
    IReadOnlyList<string> PrincipalOf,
    bool IsOffice,
    bool IsLeadingGroupHead,
    bool IsAdmin)
{
    public bool IsOnRoster =>
        OfficerOf.Count + SupervisorOf.Count + PrincipalOf.Count > 0 || IsOffice || IsLeadingGroupHead || IsAdmin;

    /// <summary>Office and the leading-group head see every unit; officers and leaders see their own.</summary>
    public bool SeesAllUnits => IsOffice || IsLeadingGroupHead;

    public bool CanSeeUnit(string unitId) =>
        SeesAllUnits || OfficerOf.Contains(unitId) || SupervisorOf.Contains(unitId) || PrincipalOf.Contains(unitId);

    public IReadOnlyList<string> VisibleUnits(IEnumerable<string> allUnitIds) =>
        allUnitIds.Where(CanSeeUnit).ToList();
}
