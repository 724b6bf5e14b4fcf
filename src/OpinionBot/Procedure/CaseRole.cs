using OpinionBot.Cases;
using OpinionBot.Roster;

namespace OpinionBot.Procedure;

/// <summary>The roles a person can hold towards one case. Unit roles are of the case's lead unit, except <see cref="DispatchedOfficer"/>.</summary>
[Flags]
public enum CaseRole
{
    None = 0,
    Officer = 1,
    Supervisor = 2,
    Principal = 4,
    Office = 8,
    LeadingGroupHead = 16,

    /// <summary>An officer of a unit the case was dispatched to and that has not acknowledged it yet.</summary>
    DispatchedOfficer = 32,

    /// <summary>An officer of a cooperating unit (协办单位).</summary>
    CooperatingOfficer = 64,

    Leaders = Supervisor | Principal,
}

public static class CaseRoles
{
    /// <summary>The roles <paramref name="actor"/> holds towards <paramref name="c"/>; for an acknowledgement, of the unit the command names.</summary>
    public static CaseRole Of(Actor actor, Case c, CaseCommand command)
    {
        var roles = CaseRole.None;
        if (actor.OfficerOf.Contains(c.UnitId)) roles |= CaseRole.Officer;
        if (actor.SupervisorOf.Contains(c.UnitId)) roles |= CaseRole.Supervisor;
        if (actor.PrincipalOf.Contains(c.UnitId)) roles |= CaseRole.Principal;
        if (actor.IsOffice) roles |= CaseRole.Office;
        if (actor.IsLeadingGroupHead) roles |= CaseRole.LeadingGroupHead;
        if (c.Dispatches.Any(d => d.AwaitsAcknowledgement && actor.OfficerOf.Contains(d.UnitId) && (command.Unit is null || command.Unit == d.UnitId)))
            roles |= CaseRole.DispatchedOfficer;
        if (c.CooperatingUnits.Any(actor.OfficerOf.Contains))
            roles |= CaseRole.CooperatingOfficer;
        return roles;
    }
}
