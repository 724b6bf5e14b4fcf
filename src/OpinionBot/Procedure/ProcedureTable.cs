using OpinionBot.Cases;
using OpinionBot.Deadlines;
using Event = OpinionBot.Cases.CaseEventKind;
using State = OpinionBot.Cases.CaseState;
using static OpinionBot.Procedure.CaseAction;
using static OpinionBot.Procedure.CaseRole;
using static OpinionBot.Procedure.Condition;
using Clock = OpinionBot.Deadlines.StepClock;
using Stage = OpinionBot.Procedure.ApprovalStage;

namespace OpinionBot.Procedure;

/// <summary>
/// The written procedure (舆情处置流程) as data: the only place that says what follows what. The engine, the approval
/// cards and their routing, the clocks and the notices all read it. Levels that need a principal, a signature or a
/// closing review, and every duration, come from configuration (<see cref="SignOffOptions"/>, <see cref="NotifyOptions"/>,
/// <see cref="DeadlineOptions"/>); the shape of the procedure is here.
/// </summary>
public static class ProcedureTable
{
    private static readonly CaseState[] UnderReview = [State.Reported, State.PrincipalReview];
    private static readonly CaseState[] BeingHandled = [State.InProgress, State.Responded];
    private static readonly CaseState[] Open = [State.Reported, State.PrincipalReview, State.InProgress, State.Responded, State.Resolved];
    private static readonly CaseState[] Closed = [State.Resolved, State.Archived];

    private static readonly Notice ReporterTold = new(Audience.Reporter, "notify.decided");
    private static readonly Notice DrafterTold = new(Audience.Drafter, "notify.decided");

    public static readonly IReadOnlyList<ProcedureRow> Rows =
    [
        // Intake: the case is numbered, dispatched to its unit, every clock starts, the office (and for I–II the leading-group head) is told.
        new(CaseAction.Report, [], Officer | Office)
        {
            To = State.Reported, Records = [Event.Reported], Then = Stage.CaseReview, Dispatch = DispatchTarget.LeadUnit,
            Completes = [Clock.Report], Opens = [Clock.Review, Clock.FirstResponse, Clock.FormalAnswer, Clock.InitialHandling, Clock.Resolve],
            Tells = [new(Audience.LevelWatchers, "notify.newCase"), new(Audience.OnDuty, "notify.newCase")],
        },

        // The supervising leader's review; the principal's sign-off for the levels that need it.
        new(Approve, [State.Reported], Supervisor)
        {
            When = [NoQuestionPending, PrincipalReviewsCase], To = State.PrincipalReview, Records = [Event.Approved],
            Ends = [Stage.CaseReview], Then = Stage.PrincipalReview, Closes = [Clock.Review], Opens = [Clock.Review], Tells = [ReporterTold],
        },
        new(Approve, [State.Reported], Supervisor)
        {
            When = [NoQuestionPending, SupervisorAloneReviewsCase], To = State.InProgress, Records = [Event.Approved],
            Ends = [Stage.CaseReview], Closes = [Clock.Review], Opens = [Clock.Verification], Tells = [ReporterTold],
        },
        new(Approve, [State.PrincipalReview], Principal)
        {
            When = [NoQuestionPending], To = State.InProgress, Records = [Event.PrincipalApproved],
            Ends = [Stage.PrincipalReview], Closes = [Clock.Review], Opens = [Clock.Verification], Tells = [ReporterTold],
        },
        new(Reject, [State.Reported], Supervisor)
        {
            When = [NoQuestionPending], Needs = Requirement.Reason, To = State.Dismissed, Records = [Event.Rejected],
            Ends = [Stage.CaseReview, Stage.Dispatch], Closes = [Clock.Review], CancelsClocks = true, Tells = [ReporterTold],
        },
        new(Reject, [State.PrincipalReview], Principal)
        {
            When = [NoQuestionPending], Needs = Requirement.Reason, To = State.Dismissed, Records = [Event.Rejected],
            Ends = [Stage.PrincipalReview, Stage.Dispatch], Closes = [Clock.Review], CancelsClocks = true, Tells = [ReporterTold],
        },
        new(NeedInfo, [State.Reported], Supervisor)
        {
            When = [NoQuestionPending], Needs = Requirement.Question, Records = [Event.InfoRequested],
            Ends = [Stage.CaseReview], Closes = [Clock.Review], Tells = [new(Audience.Reporter, "notify.question")],
        },
        new(NeedInfo, [State.PrincipalReview], Principal)
        {
            When = [NoQuestionPending], Needs = Requirement.Question, Records = [Event.InfoRequested],
            Ends = [Stage.PrincipalReview], Closes = [Clock.Review], Tells = [new(Audience.Reporter, "notify.question")],
        },
        new(ProvideInfo, [State.Reported], Officer | Office)
        {
            When = [QuestionPending], Needs = Requirement.Text, Records = [Event.InfoProvided], Then = Stage.CaseReview, Opens = [Clock.Review],
        },
        new(ProvideInfo, [State.PrincipalReview], Officer | Office)
        {
            When = [QuestionPending], Needs = Requirement.Text, Records = [Event.InfoProvided], Then = Stage.PrincipalReview, Opens = [Clock.Review],
        },

        // A level changed either way, or another lead unit, sends the case back to review.
        new(RaiseLevel, UnderReview, Leaders)
        {
            Needs = Requirement.HigherLevel, To = State.Reported, Records = [Event.Escalated], Ends = [Stage.CaseReview, Stage.PrincipalReview],
            Then = Stage.CaseReview, Closes = [Clock.Review], Opens = [Clock.Review],
            Tells = [ReporterTold, new(Audience.LevelWatchers, "notify.levelChanged")],
        },
        new(CaseAction.LowerLevel, UnderReview, Leaders)
        {
            Needs = Requirement.LowerLevel | Requirement.Reason, To = State.Reported, Records = [Event.LevelLowered], Ends = [Stage.CaseReview, Stage.PrincipalReview],
            Then = Stage.CaseReview, Closes = [Clock.Review], Opens = [Clock.Review],
            Tells = [ReporterTold, new(Audience.LevelWatchers, "notify.levelChanged")],
        },
        new(Reassign, UnderReview, Leaders | Office)
        {
            Needs = Requirement.OtherUnit, To = State.Reported, Records = [Event.Reassigned], Ends = [Stage.CaseReview, Stage.PrincipalReview, Stage.Dispatch],
            Then = Stage.CaseReview, Closes = [Clock.Review], Opens = [Clock.Review], Dispatch = DispatchTarget.LeadUnit, Tells = [ReporterTold],
        },
        new(AddCooperatingUnit, [State.Reported, State.PrincipalReview, State.InProgress, State.Responded], Leaders | Office)
        {
            Needs = Requirement.NewCooperatingUnit, Records = [Event.CooperatingUnitAdded], Dispatch = DispatchTarget.CooperatingUnit,
            RoleRefusal = "lifecycle.needLeaderOrOffice",
        },
        new(Acknowledge, Open, DispatchedOfficer)
        {
            When = [DispatchAwaitsAcknowledgement], Records = [Event.DispatchAcknowledged], Ends = [Stage.Dispatch], Closes = [Clock.Dispatch],
        },

        // Progress notes: the unit's note is its verification result.
        new(Note, Open, Officer | Office) { Needs = Requirement.Text, Records = [Event.ProgressNote], Closes = [Clock.Verification] },
        new(Note, Open, Leaders | LeadingGroupHead | CooperatingOfficer) { Needs = Requirement.Text, Records = [Event.ProgressNote] },

        // Statements: drafted by the unit, approved by its supervising leader, signed by its principal, published by the office.
        new(DraftStatement, BeingHandled, Officer | Office)
        {
            When = [NoStatementInFlight], Needs = Requirement.Text | Requirement.ValidPromise, Records = [Event.ResponseDrafted], Then = Stage.StatementReview,
        },
        new(ApproveStatement, BeingHandled, Supervisor)
        {
            When = [StatementAtSupervisor, PrincipalSignsStatement], Records = [Event.ResponseApproved],
            Ends = [Stage.StatementReview], Then = Stage.StatementSign,
        },
        new(ApproveStatement, BeingHandled, Supervisor)
        {
            When = [StatementAtSupervisor, SupervisorAloneApprovesStatement], Records = [Event.ResponseApproved],
            Ends = [Stage.StatementReview], Then = Stage.Publish,
        },
        new(ApproveStatement, BeingHandled, Principal)
        {
            When = [StatementAtPrincipal], Records = [Event.StatementSigned], Ends = [Stage.StatementSign], Then = Stage.Publish,
        },
        new(ReturnStatement, BeingHandled, Supervisor)
        {
            When = [StatementAtSupervisor], Needs = Requirement.Reason, Records = [Event.ResponseRejected], Ends = [Stage.StatementReview], Tells = [DrafterTold],
        },
        new(ReturnStatement, BeingHandled, Principal)
        {
            When = [StatementAtPrincipal], Needs = Requirement.Reason, Records = [Event.ResponseRejected], Ends = [Stage.StatementSign], Tells = [DrafterTold],
        },
        new(PublishStatement, BeingHandled, Office)
        {
            When = [StatementApproved], To = State.Responded, Records = [Event.ResponsePublished], Ends = [Stage.Publish], Tells = [DrafterTold],
        },

        // Resolution, the closing review for the levels that need it, and a rebound (舆情反弹) reopening the case.
        new(CaseAction.Resolve, BeingHandled, Officer | Office)
        {
            When = [ClosingReviewNeeded], Needs = Requirement.Text, To = State.Resolved, Records = [Event.Resolved],
            Ends = [Stage.StatementReview, Stage.StatementSign, Stage.Publish],
            Closes = [Clock.Resolve, Clock.FormalAnswer, Clock.Verification, Clock.InitialHandling], CancelsClocks = true,
        },
        new(CaseAction.Resolve, BeingHandled, Officer | Office)
        {
            When = [NoClosingReview], Needs = Requirement.Text, To = State.Archived, Records = [Event.Resolved, Event.Archived],
            Ends = [Stage.StatementReview, Stage.StatementSign, Stage.Publish, Stage.Dispatch],
            Closes = [Clock.Resolve, Clock.FormalAnswer, Clock.Verification, Clock.InitialHandling], CancelsClocks = true,
        },
        new(CaseAction.Review, [State.Resolved], Officer | Office)
        {
            Needs = Requirement.Text, To = State.Archived, Records = [Event.Reviewed, Event.Archived], Ends = [Stage.Dispatch], CancelsClocks = true,
        },
        new(Reopen, Closed, Leaders | Office)
        {
            Needs = Requirement.Reason, To = State.InProgress, Records = [Event.Reopened], Opens = [Clock.FirstResponse, Clock.FormalAnswer, Clock.InitialHandling, Clock.Resolve],
            Tells = [new(Audience.UnitOfficers, "notify.reopened"), new(Audience.LevelWatchers, "notify.reopened")],
            RoleRefusal = "lifecycle.needLeaderOrOffice",
        },
    ];

    /// <summary>Who decides each stage and which buttons its card has.</summary>
    public static readonly IReadOnlyDictionary<ApprovalStage, StageRule> Stages = new[]
    {
        new StageRule(Stage.CaseReview, Supervisor, [Approve, Reject, NeedInfo, RaiseLevel, CaseAction.LowerLevel, Reassign], SharedChat.UnitApprovalChat),
        new StageRule(Stage.PrincipalReview, Principal, [Approve, Reject, NeedInfo, RaiseLevel, CaseAction.LowerLevel, Reassign], SharedChat.UnitApprovalChat),
        new StageRule(Stage.StatementReview, Supervisor, [ApproveStatement, ReturnStatement], SharedChat.UnitApprovalChat),
        new StageRule(Stage.StatementSign, Principal, [ApproveStatement, ReturnStatement], SharedChat.UnitApprovalChat),
        new StageRule(Stage.Publish, Office, [PublishStatement], SharedChat.OfficeConversation),
        new StageRule(Stage.Dispatch, DispatchedOfficer, [Acknowledge], SharedChat.UnitApprovalChat),
    }.ToDictionary(s => s.Stage);

    /// <summary>The deadline table (办理时限).</summary>
    public static readonly IReadOnlyDictionary<Clock, ClockRule> Clocks = new[]
    {
        new ClockRule(Clock.Report, ClockOwner.Officer, ClockStart.Discovery, ClockMeasure.ReportAfterDiscovery),
        new ClockRule(Clock.Review, ClockOwner.StageDecider, ClockStart.Report, ClockMeasure.ReviewAfterReport),
        new ClockRule(Clock.FirstResponse, ClockOwner.Officer, ClockStart.Post, ClockMeasure.FirstResponse),
        new ClockRule(Clock.FormalAnswer, ClockOwner.Officer, ClockStart.Post, ClockMeasure.FormalAnswer),
        new ClockRule(Clock.InitialHandling, ClockOwner.Officer, ClockStart.Report, ClockMeasure.InitialHandlingWorkingDays),
        new ClockRule(Clock.Verification, ClockOwner.Officer, ClockStart.Report, ClockMeasure.VerificationWorkingHours),
        new ClockRule(Clock.Resolve, ClockOwner.Officer, ClockStart.Report, ClockMeasure.ResolveWorkingDays),
        new ClockRule(Clock.Dispatch, ClockOwner.Officer, ClockStart.Report, ClockMeasure.DispatchAcknowledgeWithin),
    }.ToDictionary(c => c.Clock);

    /// <summary>
    /// The clocks a published statement closes, by its kind. Any statement is a first public response and an initial
    /// response; a statement with a promised date also answers the resolution clock, which then follows the promise.
    /// </summary>
    public static readonly IReadOnlyDictionary<StatementKind, IReadOnlyList<Clock>> StatementCloses = new Dictionary<StatementKind, IReadOnlyList<Clock>>
    {
        [StatementKind.FirstResponse] = [Clock.FirstResponse, Clock.InitialHandling],
        [StatementKind.FormalAnswer] = [Clock.FirstResponse, Clock.FormalAnswer, Clock.InitialHandling],
        [StatementKind.StagedUpdate] = [Clock.FirstResponse, Clock.InitialHandling],
        [StatementKind.FinalResult] = [Clock.FirstResponse, Clock.FormalAnswer, Clock.InitialHandling],
    };

    /// <summary>The Action.Execute verb of each action a card offers (the wire names of the buttons).</summary>
    public static readonly IReadOnlyDictionary<CaseAction, string> Verbs = new Dictionary<CaseAction, string>
    {
        [Approve] = "case.approve",
        [Reject] = "case.reject",
        [NeedInfo] = "case.needInfo",
        [RaiseLevel] = "case.escalate",
        [CaseAction.LowerLevel] = "case.lowerLevel",
        [Reassign] = "case.reassign",
        [ApproveStatement] = "response.approve",
        [ReturnStatement] = "response.reject",
        [PublishStatement] = "response.publish",
        [Acknowledge] = "dispatch.acknowledge",
    };

    /// <summary>Why an action is refused in a state none of its rows start from.</summary>
    public static string StateRefusal(CaseAction action) => action switch
    {
        Approve or Reject or NeedInfo or RaiseLevel or CaseAction.LowerLevel or Reassign => "lifecycle.notAwaitingApproval",
        ProvideInfo => "lifecycle.noQuestion",
        Acknowledge => "lifecycle.noDispatch",
        DraftStatement => "lifecycle.notInProgress",
        ApproveStatement or ReturnStatement => "lifecycle.noDraftAwaiting",
        PublishStatement => "lifecycle.notApprovedDraft",
        CaseAction.Resolve => "lifecycle.cannotResolve",
        CaseAction.Review => "lifecycle.noReviewNeeded",
        Reopen => "lifecycle.cannotReopen",
        _ => "lifecycle.closed",
    };

    public static IEnumerable<ProcedureRow> RowsFor(CaseAction action) => Rows.Where(r => r.Action == action);
}
