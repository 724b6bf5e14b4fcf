using OpinionBot.Configuration;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Intake;

/// <summary>A fresh intake card's values: a new submission id, discovered now, the officer's unit when there is one choice.</summary>
public static class IntakeStart
{
    public static IntakeValues New(Actor actor, IReadOnlyList<Unit> reportableUnits, OrganizationClock clock)
    {
        var now = clock.LocalNow;
        var values = new IntakeValues
        {
            [IntakeFields.SubmissionId] = Guid.NewGuid().ToString("N"),
            [IntakeFields.DiscoveredDate] = IntakeValues.DateText(now),
            [IntakeFields.DiscoveredTime] = IntakeValues.TimeText(now),
        };
        var ownUnit = reportableUnits.FirstOrDefault(u => actor.OfficerOf.Contains(u.Id)) ?? (reportableUnits.Count == 1 ? reportableUnits[0] : null);
        if (ownUnit is not null)
            values[IntakeFields.Unit] = ownUnit.Id;
        return values;
    }
}
