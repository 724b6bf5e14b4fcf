using OpinionBot.Roster;

namespace OpinionBot.Cases;

/// <summary>Who may see and report what: officers and leaders their units' cases (lead or cooperating), the office and leading-group head all.</summary>
public static class CaseAccess
{
    /// <summary>A cooperating unit sees the cases dispatched to it, too.</summary>
    public static bool CanView(Actor actor, Case @case) => actor.CanSeeUnit(@case.UnitId) || @case.CooperatingUnits.Any(actor.CanSeeUnit);

    public static bool CanReport(Actor actor) => actor.OfficerOf.Count > 0 || actor.IsOffice;

    /// <summary>Units an actor may report for: their own as an officer, every unit for the office.</summary>
    public static IReadOnlyList<Unit> ReportableUnits(Actor actor, IReadOnlyList<Unit> allUnits) =>
        actor.IsOffice ? allUnits : allUnits.Where(u => actor.OfficerOf.Contains(u.Id)).ToList();
}
