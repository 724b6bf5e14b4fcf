using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Deadlines;
using OpinionBot.Procedure;
using OpinionBot.Roster;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Procedure;

/// <summary>Cases, people and an engine for testing the procedure without a store: unit u1 leads, u2 and u3 exist.</summary>
public static class ProcedureFixtures
{
    public const string Unit = "u1";
    public static readonly string[] Units = [Unit, "u2", "u3"];
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // Monday 10:00 Shanghai

    public enum Role { Officer, Supervisor, Principal, Office, LeadingGroupHead, Admin, OtherOfficer, OtherSupervisor }

    public static Actor ActorFor(Role role) => new(
        role.ToString(), "29:" + role, role.ToString(),
        role == Role.Officer ? [Unit] : role == Role.OtherOfficer ? ["u2"] : [],
        role == Role.Supervisor ? [Unit] : role == Role.OtherSupervisor ? ["u2"] : [],
        role == Role.Principal ? [Unit] : [],
        role == Role.Office, role == Role.LeadingGroupHead, role == Role.Admin);

    /// <summary>Statements need the principal's signature at levels I–III here, so level IV shows the supervisor-alone rows.</summary>
    public static SignOffOptions SignOff() => new() { StatementPrincipalLevels = [CaseLevel.I, CaseLevel.II, CaseLevel.III] };

    public static ProcedureEngine Engine(SignOffOptions? signOff = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var (clock, _) = TestClock.At(Now);
        var effects = new CaseEffects(new WorkingCalendar(new CalendarOptions(), zone), clock, Options.Create(new WorkflowOptions()));
        return new ProcedureEngine(new Conditions(signOff ?? SignOff()), effects);
    }

    public static Case CaseIn(CaseState state, CaseLevel level) => new()
    {
        Number = "2026-0001", UnitId = Unit, State = state, Level = level, Title = "t", ReporterKey = "Officer",
        ReportedAt = Now.AddHours(-1), DiscoveredAt = Now.AddHours(-2),
        Dispatches = [new Dispatch { UnitId = Unit, Role = DispatchRole.Lead, DispatchedAt = Now.AddHours(-1), AcknowledgedAt = Now.AddHours(-1) }],
    };

    public static Statement StatementAt(StatementStage stage) => new()
    {
        Id = 1, Kind = StatementKind.FirstResponse, Text = "draft", Stage = stage, DraftedBy = "Officer", DraftedByName = "Officer", DraftedAt = Now,
    };
}
