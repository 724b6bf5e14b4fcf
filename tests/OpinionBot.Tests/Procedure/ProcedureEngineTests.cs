using OpinionBot.Cases;
using OpinionBot.Procedure;
using static OpinionBot.Tests.Procedure.ProcedureFixtures;

namespace OpinionBot.Tests.Procedure;

/// <summary>The procedure's particular rules: inputs, questions, statements and their sign-off, dispatch, level changes, reopening.</summary>
public sealed class ProcedureEngineTests
{
    private static Decision Do(Case c, Role role, CaseAction action, string text = "", CaseLevel? level = null, string? unit = null, SignOffOptions? signOff = null) =>
        Engine(signOff).Decide(c, ActorFor(role), new CaseCommand(action, text, level, unit), Units, Now);

    [Theory]
    [InlineData(CaseAction.Reject, "", null, null, "lifecycle.reasonRequired")]
    [InlineData(CaseAction.NeedInfo, " ", null, null, "lifecycle.questionRequired")]
    [InlineData(CaseAction.RaiseLevel, "", CaseLevel.III, null, "lifecycle.levelNotHigher")]
    [InlineData(CaseAction.RaiseLevel, "", CaseLevel.IV, null, "lifecycle.levelNotHigher")]
    [InlineData(CaseAction.RaiseLevel, "", null, null, "lifecycle.levelNotHigher")]
    [InlineData(CaseAction.LowerLevel, "too serious", CaseLevel.II, null, "lifecycle.levelNotLower")]
    [InlineData(CaseAction.LowerLevel, "", CaseLevel.IV, null, "lifecycle.reasonRequired")]
    [InlineData(CaseAction.Reassign, "", null, "u1", "lifecycle.unitSame")]
    [InlineData(CaseAction.Reassign, "", null, "nowhere", "lifecycle.unitUnknown")]
    [InlineData(CaseAction.AddCooperatingUnit, "", null, "u1", "lifecycle.unitIsLead")]
    public void Missing_or_wrong_input_is_refused_with_what_to_fix(CaseAction action, string text, CaseLevel? level, string? unit, string expected)
    {
        var c = CaseIn(CaseState.Reported, CaseLevel.III);

        var decision = Do(c, Role.Supervisor, action, text, level, unit);

        Assert.Equal(expected, decision.RefusalKey);
        Assert.Equal((CaseState.Reported, CaseLevel.III, Unit, 0), (c.State, c.Level, c.UnitId, c.Version));
    }

    [Fact]
    public void A_leader_lowers_the_level_with_a_reason_and_the_case_goes_back_to_review()
    {
        var c = CaseIn(CaseState.PrincipalReview, CaseLevel.II);

        var decision = Do(c, Role.Principal, CaseAction.LowerLevel, "影响有限", CaseLevel.IV);

        Assert.True(decision.Allowed);
        Assert.Equal((CaseState.Reported, CaseLevel.IV), (c.State, c.Level));
        Assert.Equal([CaseEventKind.LevelLowered], decision.Events);
        Assert.Equal(ApprovalStage.CaseReview, decision.Row!.Then);
    }

    [Fact]
    public void A_question_blocks_approval_until_the_officer_answers()
    {
        var c = CaseIn(CaseState.Reported, CaseLevel.IV);
        Assert.True(Do(c, Role.Supervisor, CaseAction.NeedInfo, "来源？").Allowed);

        Assert.Equal("lifecycle.awaitingInfo", Do(c, Role.Supervisor, CaseAction.Approve).RefusalKey);
        Assert.Equal("lifecycle.needOfficer", Do(c, Role.OtherOfficer, CaseAction.ProvideInfo, "x").RefusalKey);
        Assert.True(Do(c, Role.Officer, CaseAction.ProvideInfo, "微博原帖").Allowed);
        Assert.Null(c.PendingQuestion);
        Assert.True(Do(c, Role.Supervisor, CaseAction.Approve).Allowed);
        Assert.Equal("lifecycle.noQuestion", Do(c, Role.Officer, CaseAction.ProvideInfo, "x").RefusalKey);
    }

    [Theory]
    [InlineData(CaseLevel.I)]
    [InlineData(CaseLevel.IV)]
    public void By_default_every_statement_is_signed_by_the_principal_at_every_level_then_published_by_the_office(CaseLevel level)
    {
        var c = CaseIn(CaseState.InProgress, level);
        var every = new SignOffOptions();
        Decision Act(Role role, CaseAction action, string text = "") => Do(c, role, action, text, signOff: every);

        Assert.Equal("lifecycle.textRequired", Act(Role.Officer, CaseAction.DraftStatement).RefusalKey);
        Assert.True(Act(Role.Officer, CaseAction.DraftStatement, "已核实，正在整改").Allowed);
        Assert.Equal(StatementKind.FirstResponse, c.Statements.Single().Kind);
        Assert.Equal("lifecycle.draftPending", Act(Role.Officer, CaseAction.DraftStatement, "again").RefusalKey);
        Assert.Equal("lifecycle.needSupervisor", Act(Role.Principal, CaseAction.ApproveStatement).RefusalKey);
        Assert.Equal("lifecycle.notApprovedDraft", Act(Role.Office, CaseAction.PublishStatement).RefusalKey);
        var approved = Act(Role.Supervisor, CaseAction.ApproveStatement);
        Assert.Equal(ApprovalStage.StatementSign, approved.Row!.Then);
        Assert.Equal(StatementStage.PrincipalSign, c.Statements[0].Stage);
        Assert.Equal("lifecycle.needPrincipal", Act(Role.Supervisor, CaseAction.ApproveStatement).RefusalKey);
        Assert.Equal([CaseEventKind.StatementSigned], Act(Role.Principal, CaseAction.ApproveStatement).Events);
        Assert.Equal("lifecycle.needOffice", Act(Role.Officer, CaseAction.PublishStatement).RefusalKey);
        Assert.True(Act(Role.Office, CaseAction.PublishStatement).Allowed);
        Assert.Equal((CaseState.Responded, StatementStage.Published), (c.State, c.Statements[0].Stage));

        Assert.True(Act(Role.Officer, CaseAction.DraftStatement, "正式答复").Allowed);
        Assert.Equal(StatementKind.FormalAnswer, c.Statements[1].Kind);
    }

    [Fact]
    public void A_level_configured_without_the_principals_signature_goes_from_the_supervisor_straight_to_the_office()
    {
        var c = CaseIn(CaseState.InProgress, CaseLevel.IV);
        Do(c, Role.Officer, CaseAction.DraftStatement, "draft");

        var approved = Do(c, Role.Supervisor, CaseAction.ApproveStatement);

        Assert.Equal(ApprovalStage.Publish, approved.Row!.Then);
        Assert.Equal(StatementStage.Approved, c.Statements[0].Stage);
    }

    [Fact]
    public void A_sent_back_statement_needs_a_reason_and_the_unit_may_draft_again()
    {
        var c = CaseIn(CaseState.InProgress, CaseLevel.IV);
        Do(c, Role.Officer, CaseAction.DraftStatement, "draft");

        Assert.Equal("lifecycle.needSupervisor", Do(c, Role.OtherSupervisor, CaseAction.ReturnStatement, "no").RefusalKey);
        Assert.Equal("lifecycle.reasonRequired", Do(c, Role.Supervisor, CaseAction.ReturnStatement, "").RefusalKey);
        Assert.True(Do(c, Role.Supervisor, CaseAction.ReturnStatement, "措辞不当").Allowed);
        Assert.Equal((StatementStage.Returned, "措辞不当"), (c.Statements[0].Stage, c.Statements[0].ReturnReason));
        Assert.True(Do(c, Role.Officer, CaseAction.DraftStatement, "draft 2").Allowed);
        Assert.Equal(StatementKind.FirstResponse, c.Statements[1].Kind);
    }

    [Fact]
    public void A_promised_date_must_be_within_the_working_days_allowed()
    {
        var c = CaseIn(CaseState.InProgress, CaseLevel.IV);
        Decision Promise(DateOnly date) => Engine().Decide(c, ActorFor(Role.Officer),
            new CaseCommand(CaseAction.DraftStatement, "正在调查", Kind: StatementKind.FormalAnswer, PromisedDate: date), Units, Now);

        Assert.Equal("lifecycle.promiseInPast", Promise(new DateOnly(2026, 11, 22)).RefusalKey);
        Assert.Equal("lifecycle.promiseTooLate", Promise(new DateOnly(2026, 12, 1)).RefusalKey); // Monday + 5 working days = next Monday
        Assert.True(Promise(new DateOnly(2026, 11, 30)).Allowed);
        Assert.Equal(new DateOnly(2026, 11, 30), c.Statements.Single().PromisedDate);
    }

    [Fact]
    public void A_cooperating_unit_is_dispatched_and_only_its_officers_acknowledge()
    {
        var c = CaseIn(CaseState.InProgress, CaseLevel.III);

        var added = Do(c, Role.Supervisor, CaseAction.AddCooperatingUnit, unit: "u2");
        Assert.Equal(["u2"], c.CooperatingUnits);
        Assert.True(added.Dispatch!.AwaitsAcknowledgement);
        Assert.Equal("lifecycle.alreadyCooperating", Do(c, Role.Office, CaseAction.AddCooperatingUnit, unit: "u2").RefusalKey);

        Assert.Equal("lifecycle.needDispatchedOfficer", Do(c, Role.Officer, CaseAction.Acknowledge, unit: "u2").RefusalKey);
        var acknowledged = Do(c, Role.OtherOfficer, CaseAction.Acknowledge, unit: "u2");
        Assert.True(acknowledged.Allowed);
        Assert.Equal("OtherOfficer", c.Dispatches.Single(d => d.UnitId == "u2").AcknowledgedByName);
        Assert.Equal("lifecycle.noDispatch", Do(c, Role.OtherOfficer, CaseAction.Acknowledge, unit: "u2").RefusalKey);
    }

    [Fact]
    public void Reassigning_withdraws_the_old_units_dispatch_and_dispatches_the_new_unit()
    {
        var c = CaseIn(CaseState.Reported, CaseLevel.IV);
        c.Dispatches[0].AcknowledgedAt = null;

        var decision = Do(c, Role.Office, CaseAction.Reassign, unit: "u2");

        Assert.Equal("u2", c.UnitId);
        Assert.True(c.Dispatches[0].Withdrawn);
        Assert.Equal(("u2", DispatchRole.Lead, true), (decision.Dispatch!.UnitId, decision.Dispatch.Role, decision.Dispatch.AwaitsAcknowledgement));
    }

    [Fact]
    public void A_resolved_or_archived_case_is_reopened_by_the_office_or_a_leader_with_a_reason()
    {
        var c = CaseIn(CaseState.Archived, CaseLevel.IV);

        Assert.Equal("lifecycle.needLeaderOrOffice", Do(c, Role.Officer, CaseAction.Reopen, "反弹").RefusalKey);
        Assert.Equal("lifecycle.reasonRequired", Do(c, Role.Office, CaseAction.Reopen).RefusalKey);
        Assert.True(Do(c, Role.Office, CaseAction.Reopen, "原帖再次发酵").Allowed);
        Assert.Equal((CaseState.InProgress, 1), (c.State, c.Reopened));
        Assert.Equal("lifecycle.cannotReopen", Do(c, Role.Office, CaseAction.Reopen, "again").RefusalKey);
        Assert.Equal("lifecycle.closed", Do(CaseIn(CaseState.Dismissed, CaseLevel.IV), Role.Supervisor, CaseAction.Approve).RefusalKey);
    }

    [Fact]
    public void Only_an_officer_of_the_unit_or_the_office_may_report_for_it_and_filing_for_ones_own_unit_acknowledges_the_dispatch()
    {
        var engine = Engine();
        Case Draft() => new() { UnitId = Unit, Level = CaseLevel.IV, ReportedAt = Now, DiscoveredAt = Now };

        Assert.Equal("lifecycle.needOfficer", engine.Report(Draft(), ActorFor(Role.OtherOfficer), Now).RefusalKey);
        var own = Draft();
        Assert.False(engine.Report(own, ActorFor(Role.Officer), Now).Dispatch!.AwaitsAcknowledgement);
        var byOffice = Draft();
        Assert.True(engine.Report(byOffice, ActorFor(Role.Office), Now).Dispatch!.AwaitsAcknowledgement);
        Assert.Equal(CaseState.Reported, byOffice.State);
    }
}
