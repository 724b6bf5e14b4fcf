using OpinionBot.Cases;
using OpinionBot.Roster;

namespace OpinionBot.Deadlines.Reminders;

/// <summary>
/// Who receives slip n for a step: those who owe it — for the unit's work, that unit's officers (not whoever filed the
/// case); from the second slip also the supervising leader; from the third also the principal leader.
/// </summary>
public static class SlipAudience
{
    public static IReadOnlyList<string> For(OwedStep step, Case c, Unit? unit, int slip)
    {
        var people = new List<string>();
        people.AddRange(step.OwedBy switch
        {
            StepOwner.SupervisingLeader => unit?.SupervisingLeaders ?? [],
            StepOwner.PrincipalLeader => unit?.PrincipalLeaders ?? [],
            _ => unit?.Officers is { Count: > 0 } officers ? officers : c.ReporterKey.Length > 0 ? [c.ReporterKey] : [],
        });
        if (slip >= 2) people.AddRange(unit?.SupervisingLeaders ?? []);
        if (slip >= 3) people.AddRange(unit?.PrincipalLeaders ?? []);
        return people.Distinct().ToList();
    }
}
