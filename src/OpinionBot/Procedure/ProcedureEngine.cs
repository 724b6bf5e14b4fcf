using OpinionBot.Cases;
using OpinionBot.Roster;

namespace OpinionBot.Procedure;

/// <summary>
/// Decides a command against <see cref="ProcedureTable"/>: the rows of the action that start from the case's state, then
/// their conditions, then the actor's roles, then the command's input. Refused, the case is left exactly as it was;
/// allowed, the case is changed (<see cref="CaseEffects"/>) and the row that allowed it is returned.
/// </summary>
public sealed class ProcedureEngine(Conditions conditions, CaseEffects effects)
{
    public Decision Decide(Case c, Actor actor, CaseCommand command, IReadOnlyCollection<string> unitIds, DateTimeOffset now)
    {
        var rows = ProcedureTable.RowsFor(command.Action).ToList();
        var inState = rows.Where(r => r.From.Contains(c.State)).ToList();
        if (inState.Count == 0)
            return Decision.Refuse(c.State.IsOpen() || command.Action == CaseAction.Reopen ? ProcedureTable.StateRefusal(command.Action) : "lifecycle.closed", c.State);

        var applicable = inState.Where(r => r.When.All(w => conditions.Hold(w, c, command))).ToList();
        if (applicable.Count == 0)
            return Decision.Refuse(Conditions.RefusalKey(inState[0].When.First(w => !conditions.Hold(w, c, command))));

        var roles = CaseRoles.Of(actor, c, command);
        if (applicable.FirstOrDefault(r => (r.By & roles) != CaseRole.None) is not { } row)
            return Decision.Refuse(RoleRefusal(applicable[0]), RoleRefusalUnit(applicable[0], c, command));

        if (effects.CheckInput(row.Needs, c, command, unitIds, now) is { } problem)
            return Decision.Refuse(problem.Key, problem.Argument);

        var decision = effects.Apply(row, c, actor, command, now);
        if (row.To is { } next)
            c.State = next;
        c.Version++;
        return decision;
    }

    /// <summary>A new case: the reporter must be an officer of its unit or in the office; it starts as the intake row says.</summary>
    public Decision Report(Case draft, Actor actor, DateTimeOffset now)
    {
        var row = ProcedureTable.RowsFor(CaseAction.Report).Single();
        var command = new CaseCommand(CaseAction.Report);
        if ((row.By & CaseRoles.Of(actor, draft, command)) == CaseRole.None)
            return Decision.Refuse(RoleRefusal(row), draft.UnitId);

        var decision = effects.Apply(row, draft, actor, command, now);
        draft.State = row.To!.Value;
        return decision;
    }

    /// <summary>The refusal for someone who holds none of a row's roles, naming what is needed.</summary>
    public static string RoleRefusal(ProcedureRow row) => row.RoleRefusal ?? row.By switch
    {
        CaseRole.Principal => "lifecycle.needPrincipal",
        CaseRole.Office => "lifecycle.needOffice",
        CaseRole.DispatchedOfficer => "lifecycle.needDispatchedOfficer",
        var by when by.HasFlag(CaseRole.Officer) => "lifecycle.needOfficer",
        var by when by.HasFlag(CaseRole.Supervisor) => "lifecycle.needSupervisor",
        _ => "lifecycle.notYourCase",
    };

    private static string RoleRefusalUnit(ProcedureRow row, Case c, CaseCommand command) =>
        row.By == CaseRole.DispatchedOfficer
            ? command.Unit ?? c.Dispatches.FirstOrDefault(d => d.AwaitsAcknowledgement)?.UnitId ?? c.UnitId
            : c.UnitId;
}
