using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Procedure;
using OpinionBot.Roster;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Deadlines;

/// <summary>The clocks each row of the procedure closes and opens, on a real store (Asia/Shanghai, default deadlines).</summary>
public sealed class StepTrackerTests : IDisposable
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // Monday 10:00 Shanghai
    private static readonly Actor Someone = new("k", "29:k", "K", [], [], [], true, false, false);
    private readonly TestDatabase _db = new();
    private readonly OwedStepStore _steps;
    private readonly WorkflowOptions _workflow = new();
    private readonly StepTracker _tracker;

    public StepTrackerTests()
    {
        _steps = new OwedStepStore(_db.Database);
        _steps.EnsureIndexes();
        var calendar = new WorkingCalendar(new CalendarOptions(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var (clock, _) = TestClock.At(Reported);
        var options = Options.Create(_workflow);
        _tracker = new StepTracker(_steps, new ClockDue(calendar, clock, options), calendar, options);
    }

    public void Dispose() => _db.Dispose();

    private static Case NewCase(CaseLevel level, DateTimeOffset discovered, DateTimeOffset? published = null) => new()
    {
        Number = "2026-0001", UnitId = "u1", Level = level, DiscoveredAt = discovered, PublishedAt = published, ReportedAt = Reported, State = CaseState.Reported,
    };

    private OwedStep Step(string suffix) => _steps.Find("2026-0001:" + suffix)!;

    private static ProcedureRow Row(CaseAction action, Func<ProcedureRow, bool>? which = null) =>
        ProcedureTable.Rows.First(r => r.Action == action && (which?.Invoke(r) ?? true));

    private void Apply(Case c, ProcedureRow row, DateTimeOffset at, Statement? statement = null, Dispatch? dispatch = null, string? previousUnit = null)
    {
        var decision = Decision.Allow(row) with { Statement = statement, Dispatch = dispatch };
        var outcome = new CaseEvent { CaseNumber = c.Number, Kind = row.Records[0], At = at };
        _tracker.Apply(new CaseChange(c, decision, outcome, Someone, at, c.State, previousUnit ?? c.UnitId));
    }

    [Fact]
    public void A_report_writes_its_steps_together_once_the_report_clock_already_done_and_sets_the_next_deadline()
    {
        var writes = new CountingSteps(_steps);
        var calendar = new WorkingCalendar(new CalendarOptions(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var (clock, _) = TestClock.At(Reported);
        var options = Options.Create(_workflow);
        var tracker = new StepTracker(writes, new ClockDue(calendar, clock, options), calendar, options);
        var c = NewCase(CaseLevel.III, discovered: Reported.AddMinutes(-20), published: Reported.AddMinutes(-30));
        var row = Row(CaseAction.Report);

        tracker.Apply(new CaseChange(c, Decision.Allow(row), new CaseEvent { CaseNumber = c.Number, Kind = row.Records[0], At = Reported }, Someone, Reported, c.State, c.UnitId));

        var stored = _steps.ForCase(c.Number);
        Assert.Equal([string.Join(",", stored.Select(s => s.Id).Order())], writes.Written);
        Assert.Equal(row.Completes.Count + row.Opens.Count, stored.Count);
        Assert.False(Step("Report").Open);
        Assert.NotNull(Step("Report").DoneAt);
        Assert.Equal(stored.Where(s => s.Open).Min(s => s.DueAt), c.NextDeadline);
    }

    [Fact]
    public void A_cases_steps_are_its_own_in_one_document_and_each_of_them_is_found_by_its_id()
    {
        foreach (var number in new[] { "2026-1000", "2026-10000", "2026-100" })
        {
            var c = NewCase(CaseLevel.III, discovered: Reported);
            c.Number = number;
            Apply(c, Row(CaseAction.Report), Reported);
        }

        var report = Row(CaseAction.Report);
        Assert.All(_steps.ForCase("2026-1000"), s => Assert.Equal("2026-1000", s.CaseNumber));
        Assert.Equal(report.Completes.Count + report.Opens.Count, _steps.ForCase("2026-1000").Count);
        Assert.Equal(3, _steps.Clocks.Count());
        Assert.Equal("2026-10000", _steps.Find("2026-10000:Review")!.CaseNumber);
        Assert.Null(_steps.Find("2026-1000:NoSuchClock"));
        Assert.Null(_steps.Find("2026-9999:Review"));
    }

    [Fact]
    public void A_cases_document_keeps_the_earliest_slip_and_open_due_time_and_the_weeks_its_steps_fall_in()
    {
        var c = NewCase(CaseLevel.III, discovered: Reported.AddMinutes(-20), published: Reported.AddMinutes(-30));
        Apply(c, Row(CaseAction.Report), Reported);

        var clocks = _steps.Clocks.FindById(c.Number);
        var steps = _steps.ForCase(c.Number);
        Assert.Equal(steps.Where(s => s.Open).Min(s => s.NextSlipAt), clocks.NextSlipAt);
        Assert.Equal($"{steps.Where(s => s.Open).Min(s => s.DueAt).UtcTicks:D19}|{c.Number}", clocks.OpenDueKey);
        Assert.Equal(steps.Select(s => CaseClocks.WeekOf(s.DueAt)).Distinct().Order(), clocks.DueWeeks);
        Assert.Equal([CaseClocks.WeekOf(Reported)], clocks.DoneWeeks);

        foreach (var open in steps.Where(s => s.Open))
        {
            open.Open = false;
            open.DoneAt = Reported.AddDays(8);
            _steps.Save(open);
        }

        clocks = _steps.Clocks.FindById(c.Number);
        Assert.Null(clocks.NextSlipAt);
        Assert.Null(clocks.OpenDueKey);
        Assert.Equal(new[] { Reported, Reported.AddDays(8) }.Select(CaseClocks.WeekOf).Distinct(), clocks.DoneWeeks);
        Assert.All(_steps.ForCase(c.Number), s => Assert.Null(s.NextSlipAt));
    }

    /// <summary>Records every write: a step's id, or a new case's step ids together.</summary>
    private sealed class CountingSteps(IOwedStepStore inner) : IOwedStepStore
    {
        public List<string> Written { get; } = [];
        public IReadOnlyList<OwedStep> ForCase(string caseNumber) => inner.ForCase(caseNumber);
        public IReadOnlyList<OwedStep> OpenForCase(string caseNumber) => inner.OpenForCase(caseNumber);
        public IReadOnlyList<string> SlipsDue(DateTimeOffset now) => inner.SlipsDue(now);
        public OwedStep? Find(string id) => inner.Find(id);

        public void Save(OwedStep step)
        {
            Written.Add(step.Id);
            inner.Save(step);
        }

        public void InsertNew(string caseNumber, IReadOnlyList<OwedStep> steps)
        {
            Written.Add(string.Join(",", steps.Select(s => s.Id).Order()));
            inner.InsertNew(caseNumber, steps);
        }
    }

    [Fact]
    public void A_report_records_its_own_lateness_and_the_response_clocks_count_from_the_netizens_post()
    {
        var c = NewCase(CaseLevel.II, discovered: Reported.AddHours(-3), published: Reported.AddHours(-5));

        Apply(c, Row(CaseAction.Report), Reported);

        Assert.Equal(TimeSpan.FromHours(2), Step("Report").Lateness);
        Assert.False(Step("Report").OnTime);
        Assert.Equal(Reported.AddHours(1), Step("Review").DueAt);
        Assert.Equal(Reported.AddHours(-2), Step("FirstResponse").DueAt);
        Assert.Equal(Reported.AddHours(13), Step("FormalAnswer").DueAt);
        Assert.Equal(Reported.AddDays(2), Step("InitialHandling").DueAt);
        Assert.Equal(Reported.AddDays(7), Step("Resolve").DueAt);
        Assert.Equal(Reported.AddHours(-2), c.NextDeadline);
        Assert.Equal(Reported, Step("FirstResponse").SlipsFrom);
    }

    [Fact]
    public void Without_a_post_time_the_response_clocks_count_from_discovery_and_an_organisation_may_count_from_the_report()
    {
        var c = NewCase(CaseLevel.IV, discovered: Reported.AddMinutes(-40));
        Apply(c, Row(CaseAction.Report), Reported);
        Assert.Equal(Reported.AddMinutes(-40).AddHours(3), Step("FirstResponse").DueAt);

        _steps.Clocks.DeleteAll();
        _workflow.Deadlines.ClocksFrom = ResponseClockStart.Report;
        Apply(NewCase(CaseLevel.IV, Reported.AddMinutes(-40), Reported.AddDays(-1)), Row(CaseAction.Report), Reported);
        Assert.Equal(Reported.AddHours(3), Step("FirstResponse").DueAt);
    }

    [Fact]
    public void Approval_closes_the_review_and_starts_verification_in_working_hours()
    {
        var c = NewCase(CaseLevel.IV, Reported.AddMinutes(-30));
        Apply(c, Row(CaseAction.Report), Reported);
        var approvedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero); // 17:30 Shanghai
        c.State = CaseState.InProgress;

        Apply(c, Row(CaseAction.Approve, r => r.To == CaseState.InProgress && r.By == CaseRole.Supervisor), approvedAt);

        Assert.Equal(TimeSpan.FromMinutes(6.5 * 60), Step("Review").Lateness);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 5, 30, 0, TimeSpan.Zero), Step("Verification").DueAt); // 0.5 h that evening, 3 h next morning, 0.5 h after lunch
        Apply(c, Row(CaseAction.Note), approvedAt.AddHours(1));
        Assert.True(Step("Verification").OnTime);
    }

    [Fact]
    public void A_major_case_owes_a_second_review_to_the_principal_and_a_dismissal_cancels_the_rest()
    {
        var c = NewCase(CaseLevel.I, Reported.AddMinutes(-10));
        Apply(c, Row(CaseAction.Report), Reported);
        c.State = CaseState.PrincipalReview;
        Apply(c, Row(CaseAction.Approve, r => r.Then == ApprovalStage.PrincipalReview), Reported.AddMinutes(20));

        Assert.Equal(StepOwner.PrincipalLeader, Step("Review:2").OwedBy);
        c.State = CaseState.Dismissed;
        Apply(c, Row(CaseAction.Reject), Reported.AddMinutes(40));

        Assert.Empty(_steps.OpenForCase(c.Number));
        Assert.True(Step("Resolve").Cancelled);
        Assert.Null(c.NextDeadline);
    }

    [Fact]
    public void A_published_statement_closes_its_clocks_and_a_promised_date_becomes_the_resolution_deadline()
    {
        var c = NewCase(CaseLevel.IV, Reported.AddMinutes(-10));
        Apply(c, Row(CaseAction.Report), Reported);
        var first = new Statement { Id = 1, Kind = StatementKind.FirstResponse };
        Apply(c, Row(CaseAction.PublishStatement), Reported.AddHours(2), statement: first);

        Assert.True(Step("FirstResponse").OnTime);
        Assert.True(Step("InitialHandling").OnTime);
        Assert.True(Step("FormalAnswer").Open);

        var formal = new Statement { Id = 2, Kind = StatementKind.FormalAnswer, PromisedDate = new DateOnly(2026, 11, 27) };
        Apply(c, Row(CaseAction.PublishStatement), Reported.AddHours(5), statement: formal);

        Assert.True(Step("FormalAnswer").OnTime);
        Assert.True(Step("Resolve").OnTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), Step("Resolve:2").DueAt); // the end of Friday in Shanghai
    }

    [Fact]
    public void A_dispatch_is_owed_by_its_unit_and_closed_by_that_units_acknowledgement_only()
    {
        var c = NewCase(CaseLevel.III, Reported.AddMinutes(-10));
        Apply(c, Row(CaseAction.Report), Reported);
        var u2 = new Dispatch { UnitId = "u2", Role = DispatchRole.Cooperating, DispatchedAt = Reported };
        var u3 = new Dispatch { UnitId = "u3", Role = DispatchRole.Cooperating, DispatchedAt = Reported };
        Apply(c, Row(CaseAction.AddCooperatingUnit), Reported, dispatch: u2);
        Apply(c, Row(CaseAction.AddCooperatingUnit), Reported, dispatch: u3);

        Assert.Equal(("u2", Reported.AddHours(1)), (Step("Dispatch").UnitId, Step("Dispatch").DueAt));
        u3.AcknowledgedAt = Reported.AddMinutes(30);
        Apply(c, Row(CaseAction.Acknowledge), Reported.AddMinutes(30), dispatch: u3);

        Assert.True(Step("Dispatch").Open);
        Assert.True(Step("Dispatch:2").OnTime);
    }

    [Fact]
    public void Reassigning_moves_the_cases_steps_to_the_new_unit_and_withdraws_the_old_units_dispatch()
    {
        var c = NewCase(CaseLevel.III, Reported.AddMinutes(-10));
        var lead = new Dispatch { UnitId = "u1", Role = DispatchRole.Lead, DispatchedAt = Reported };
        Apply(c, Row(CaseAction.Report), Reported, dispatch: lead);
        lead.Withdrawn = true;
        c.UnitId = "u2";
        var next = new Dispatch { UnitId = "u2", Role = DispatchRole.Lead, DispatchedAt = Reported.AddMinutes(5) };

        Apply(c, Row(CaseAction.Reassign), Reported.AddMinutes(5), dispatch: next, previousUnit: "u1");

        Assert.True(Step("Dispatch").Cancelled);
        Assert.Equal("u2", Step("Dispatch:2").UnitId);
        Assert.All(_steps.OpenForCase(c.Number), s => Assert.Equal("u2", s.UnitId));
    }
}
