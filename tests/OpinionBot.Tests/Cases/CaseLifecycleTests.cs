using System.Text.Json;
using OpinionBot.Cases;
using OpinionBot.Cases.Lifecycle;
using OpinionBot.Roster;

namespace OpinionBot.Tests.Cases;

/// <summary>Every action in every state for every role: the legal ones move the case as DESIGN.md §2 says; all others are refused and change nothing.</summary>
public sealed class CaseLifecycleTests
{
    private const string Unit = "u1";
    private static readonly string[] Units = [Unit, "u2"];

    public enum Role { Officer, Supervisor, Principal, Office, LeadingGroupHead, Admin, OtherOfficer, OtherSupervisor }

    private static Actor ActorFor(Role role) => new(
        role.ToString(), "29:" + role, role.ToString(),
        role == Role.Officer ? [Unit] : role == Role.OtherOfficer ? ["u2"] : [],
        role == Role.Supervisor ? [Unit] : role == Role.OtherSupervisor ? ["u2"] : [],
        role == Role.Principal ? [Unit] : [],
        role == Role.Office, role == Role.LeadingGroupHead, role == Role.Admin);

    private static Case CaseIn(CaseState state, CaseLevel level) => new()
    {
        Number = "2026-0001", UnitId = Unit, State = state, Level = level, Title = "t",
        Response = state == CaseState.Responded ? new ResponseDraft { Text = "r", Stage = ResponseStage.Published } : null,
    };

    private static CaseCommand Command(CaseAction action, CaseLevel current) => new(action, "text", NewLevel: current - 1, NewUnit: "u2");

    /// <summary>(state, level, action, role) → the state after; every combination not listed must be refused.</summary>
    private static readonly Dictionary<(CaseState, CaseLevel, CaseAction, Role), CaseState> Legal = Build();

    private static Dictionary<(CaseState, CaseLevel, CaseAction, Role), CaseState> Build()
    {
        var legal = new Dictionary<(CaseState, CaseLevel, CaseAction, Role), CaseState>();
        foreach (var level in new[] { CaseLevel.II, CaseLevel.IV })
        {
            legal[(CaseState.Reported, level, CaseAction.Approve, Role.Supervisor)] = level == CaseLevel.II ? CaseState.PrincipalReview : CaseState.InProgress;
            legal[(CaseState.Reported, level, CaseAction.Reject, Role.Supervisor)] = CaseState.Dismissed;
            legal[(CaseState.Reported, level, CaseAction.NeedInfo, Role.Supervisor)] = CaseState.Reported;
            foreach (var role in new[] { Role.Supervisor, Role.Principal })
                legal[(CaseState.Reported, level, CaseAction.Escalate, role)] = CaseState.Reported;
            foreach (var role in new[] { Role.Supervisor, Role.Principal, Role.Office })
                legal[(CaseState.Reported, level, CaseAction.Reassign, role)] = CaseState.Reported;
            foreach (var role in new[] { Role.Officer, Role.Office })
            {
                legal[(CaseState.InProgress, level, CaseAction.DraftResponse, role)] = CaseState.InProgress;
                legal[(CaseState.InProgress, level, CaseAction.Resolve, role)] = level == CaseLevel.II ? CaseState.Resolved : CaseState.Archived;
                legal[(CaseState.Responded, level, CaseAction.Resolve, role)] = level == CaseLevel.II ? CaseState.Resolved : CaseState.Archived;
            }
        }

        legal[(CaseState.PrincipalReview, CaseLevel.II, CaseAction.Approve, Role.Principal)] = CaseState.InProgress;
        legal[(CaseState.PrincipalReview, CaseLevel.II, CaseAction.Reject, Role.Principal)] = CaseState.Dismissed;
        legal[(CaseState.PrincipalReview, CaseLevel.II, CaseAction.NeedInfo, Role.Principal)] = CaseState.PrincipalReview;
        foreach (var role in new[] { Role.Supervisor, Role.Principal })
            legal[(CaseState.PrincipalReview, CaseLevel.II, CaseAction.Escalate, role)] = CaseState.Reported;
        foreach (var role in new[] { Role.Supervisor, Role.Principal, Role.Office })
            legal[(CaseState.PrincipalReview, CaseLevel.II, CaseAction.Reassign, role)] = CaseState.Reported;
        foreach (var role in new[] { Role.Officer, Role.Office })
            legal[(CaseState.Resolved, CaseLevel.II, CaseAction.Review, role)] = CaseState.Archived;
        return legal;
    }

    private static readonly (CaseState State, CaseLevel Level)[] States =
    [
        (CaseState.Reported, CaseLevel.II), (CaseState.Reported, CaseLevel.IV), (CaseState.PrincipalReview, CaseLevel.II),
        (CaseState.InProgress, CaseLevel.II), (CaseState.InProgress, CaseLevel.IV), (CaseState.Responded, CaseLevel.II),
        (CaseState.Responded, CaseLevel.IV), (CaseState.Resolved, CaseLevel.II), (CaseState.Archived, CaseLevel.IV),
        (CaseState.Dismissed, CaseLevel.IV),
    ];

    private static readonly CaseAction[] Actions =
        [CaseAction.Approve, CaseAction.Reject, CaseAction.NeedInfo, CaseAction.Escalate, CaseAction.Reassign, CaseAction.DraftResponse, CaseAction.Resolve, CaseAction.Review];

    public static TheoryData<CaseState, CaseLevel, CaseAction> Combinations()
    {
        var data = new TheoryData<CaseState, CaseLevel, CaseAction>();
        foreach (var (state, level) in States)
            foreach (var action in Actions)
                data.Add(state, level, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Each_role_may_do_exactly_what_the_process_allows(CaseState state, CaseLevel level, CaseAction action)
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var c = CaseIn(state, level);
            var before = JsonSerializer.Serialize(c);

            var decision = CaseLifecycle.Apply(c, ActorFor(role), Command(action, level), Units);

            if (Legal.TryGetValue((state, level, action, role), out var expected))
            {
                Assert.True(decision.Allowed, $"{role} {action} in {state}/{level}: refused with {decision.RefusalKey}");
                Assert.Equal(expected, c.State);
                Assert.NotEmpty(decision.Events);
                Assert.Equal(1, c.Version);
            }
            else
            {
                Assert.False(decision.Allowed, $"{role} {action} in {state}/{level} should be refused");
                Assert.Equal(before, JsonSerializer.Serialize(c));
            }
        }
    }

    [Fact]
    public void Escalating_raises_the_level_and_reassigning_moves_the_unit_back_to_review()
    {
        var escalated = CaseIn(CaseState.PrincipalReview, CaseLevel.II);
        CaseLifecycle.Apply(escalated, ActorFor(Role.Supervisor), new CaseCommand(CaseAction.Escalate, NewLevel: CaseLevel.I), Units);
        Assert.Equal((CaseState.Reported, CaseLevel.I), (escalated.State, escalated.Level));

        var reassigned = CaseIn(CaseState.Reported, CaseLevel.IV);
        CaseLifecycle.Apply(reassigned, ActorFor(Role.Office), new CaseCommand(CaseAction.Reassign, NewUnit: "u2"), Units);
        Assert.Equal("u2", reassigned.UnitId);
    }

    [Theory]
    [InlineData(CaseAction.Reject, "", null, null, "lifecycle.reasonRequired")]
    [InlineData(CaseAction.NeedInfo, " ", null, null, "lifecycle.questionRequired")]
    [InlineData(CaseAction.Escalate, "", CaseLevel.III, null, "lifecycle.levelNotHigher")]
    [InlineData(CaseAction.Escalate, "", CaseLevel.IV, null, "lifecycle.levelNotHigher")]
    [InlineData(CaseAction.Escalate, "", null, null, "lifecycle.levelNotHigher")]
    [InlineData(CaseAction.Reassign, "", null, "u1", "lifecycle.unitSame")]
    [InlineData(CaseAction.Reassign, "", null, "nowhere", "lifecycle.unitUnknown")]
    public void Missing_or_wrong_input_is_refused_with_what_to_fix(CaseAction action, string text, CaseLevel? level, string? unit, string expected)
    {
        var c = CaseIn(CaseState.Reported, CaseLevel.III);

        var decision = CaseLifecycle.Apply(c, ActorFor(Role.Supervisor), new CaseCommand(action, text, level, unit), Units);

        Assert.Equal(expected, decision.RefusalKey);
        Assert.Equal((CaseState.Reported, CaseLevel.III, Unit), (c.State, c.Level, c.UnitId));
    }

    [Fact]
    public void A_question_blocks_approval_until_the_officer_answers()
    {
        var c = CaseIn(CaseState.Reported, CaseLevel.IV);
        Assert.True(CaseLifecycle.Apply(c, ActorFor(Role.Supervisor), new CaseCommand(CaseAction.NeedInfo, "来源？"), Units).Allowed);

        Assert.Equal("lifecycle.awaitingInfo", CaseLifecycle.Apply(c, ActorFor(Role.Supervisor), new CaseCommand(CaseAction.Approve), Units).RefusalKey);
        Assert.Equal("lifecycle.needOfficer", CaseLifecycle.Apply(c, ActorFor(Role.OtherOfficer), new CaseCommand(CaseAction.ProvideInfo, "x"), Units).RefusalKey);
        Assert.True(CaseLifecycle.Apply(c, ActorFor(Role.Officer), new CaseCommand(CaseAction.ProvideInfo, "微博原帖"), Units).Allowed);
        Assert.Null(c.PendingQuestion);
        Assert.True(CaseLifecycle.Apply(c, ActorFor(Role.Supervisor), new CaseCommand(CaseAction.Approve), Units).Allowed);
        Assert.Equal("lifecycle.noQuestion", CaseLifecycle.Apply(c, ActorFor(Role.Officer), new CaseCommand(CaseAction.ProvideInfo, "x"), Units).RefusalKey);
    }

    [Fact]
    public void A_major_cases_response_needs_both_leaders_then_the_office_publishes_it()
    {
        var c = CaseIn(CaseState.InProgress, CaseLevel.II);
        Decision Do(Role role, CaseAction action, string text = "") => CaseLifecycle.Apply(c, ActorFor(role), new CaseCommand(action, text), Units);

        Assert.Equal("lifecycle.textRequired", Do(Role.Officer, CaseAction.DraftResponse).RefusalKey);
        Assert.True(Do(Role.Officer, CaseAction.DraftResponse, "已核实，正在整改").Allowed);
        Assert.Equal("lifecycle.draftPending", Do(Role.Officer, CaseAction.DraftResponse, "again").RefusalKey);
        Assert.Equal("lifecycle.needSupervisor", Do(Role.Principal, CaseAction.ApproveResponse).RefusalKey);
        Assert.Equal("lifecycle.notApprovedDraft", Do(Role.Office, CaseAction.PublishResponse).RefusalKey);
        Assert.True(Do(Role.Supervisor, CaseAction.ApproveResponse).Allowed);
        Assert.Equal(ResponseStage.PrincipalReview, c.Response!.Stage);
        Assert.Equal("lifecycle.needPrincipal", Do(Role.Supervisor, CaseAction.ApproveResponse).RefusalKey);
        Assert.True(Do(Role.Principal, CaseAction.ApproveResponse).Allowed);
        Assert.Equal("lifecycle.needOffice", Do(Role.Officer, CaseAction.PublishResponse).RefusalKey);
        Assert.True(Do(Role.Office, CaseAction.PublishResponse).Allowed);
        Assert.Equal(CaseState.Responded, c.State);
    }

    [Fact]
    public void A_sent_back_response_needs_a_reason_and_returns_to_the_officer()
    {
        var c = CaseIn(CaseState.InProgress, CaseLevel.IV);
        CaseLifecycle.Apply(c, ActorFor(Role.Officer), new CaseCommand(CaseAction.DraftResponse, "draft"), Units);

        Assert.Equal("lifecycle.needSupervisor", CaseLifecycle.Apply(c, ActorFor(Role.OtherSupervisor), new CaseCommand(CaseAction.RejectResponse, "no"), Units).RefusalKey);
        Assert.Equal("lifecycle.reasonRequired", CaseLifecycle.Apply(c, ActorFor(Role.Supervisor), new CaseCommand(CaseAction.RejectResponse, ""), Units).RefusalKey);
        Assert.True(CaseLifecycle.Apply(c, ActorFor(Role.Supervisor), new CaseCommand(CaseAction.RejectResponse, "措辞不当"), Units).Allowed);
        Assert.Null(c.Response);
        Assert.True(CaseLifecycle.Apply(c, ActorFor(Role.Officer), new CaseCommand(CaseAction.DraftResponse, "draft 2"), Units).Allowed);
    }
}
