using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Deadlines;

public sealed class StepTrackerTests : IDisposable
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero); // Monday 10:00 Shanghai
    private readonly TestDatabase _db = new();
    private readonly OwedStepStore _steps;
    private readonly StepTracker _tracker;

    public StepTrackerTests()
    {
        _steps = new OwedStepStore(_db.Database);
        _steps.EnsureIndexes();
        var calendar = new WorkingCalendar(new CalendarOptions(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        _tracker = new StepTracker(_steps, calendar, Options.Create(new WorkflowOptions()));
    }

    public void Dispose() => _db.Dispose();

    private static Case NewCase(CaseLevel level, DateTimeOffset discovered) => new()
    {
        Number = "2026-0001", UnitId = "u1", Level = level, DiscoveredAt = discovered, ReportedAt = Reported, State = CaseState.Reported,
    };

    private OwedStep Step(string suffix) => _steps.Find("2026-0001:" + suffix)!;

    [Fact]
    public void A_report_records_its_own_lateness_and_opens_every_clock_of_the_table()
    {
        var c = NewCase(CaseLevel.II, Reported.AddHours(-3));

        _tracker.Observe(c, [CaseEventKind.Reported], Reported);

        Assert.Equal(TimeSpan.FromHours(2), Step("Report").Lateness);
        Assert.False(Step("Report").OnTime);
        Assert.Equal(Reported.AddHours(1), Step("Review").DueAt);
        Assert.Equal(Reported.AddHours(3), Step("FirstResponse").DueAt);
        Assert.Equal(Reported.AddHours(18), Step("FormalAnswer").DueAt);
        Assert.Equal(Reported.AddDays(7), Step("Resolve").DueAt);
        Assert.Equal(Reported.AddHours(1), c.NextDeadline);
    }

    [Fact]
    public void Approval_closes_the_review_and_starts_verification_in_working_hours()
    {
        var c = NewCase(CaseLevel.IV, Reported.AddMinutes(-30));
        _tracker.Observe(c, [CaseEventKind.Reported], Reported);
        var approvedAt = new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero); // 17:30 Shanghai
        c.State = CaseState.InProgress;

        _tracker.Observe(c, [CaseEventKind.Approved], approvedAt);

        Assert.Equal(TimeSpan.FromMinutes(6.5 * 60), Step("Review").Lateness);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 5, 30, 0, TimeSpan.Zero), Step("Verification").DueAt); // 0.5 h that evening, 3 h next morning, 0.5 h after lunch
        _tracker.Observe(c, [CaseEventKind.ProgressNote], approvedAt.AddHours(1));
        Assert.True(Step("Verification").OnTime);
    }

    [Fact]
    public void A_major_case_owes_a_second_review_to_the_principal_and_a_dismissal_cancels_the_rest()
    {
        var c = NewCase(CaseLevel.I, Reported.AddMinutes(-10));
        _tracker.Observe(c, [CaseEventKind.Reported], Reported);
        c.State = CaseState.PrincipalReview;
        _tracker.Observe(c, [CaseEventKind.Approved], Reported.AddMinutes(20));

        Assert.Equal(StepOwner.PrincipalLeader, Step("Review:2").OwedBy);
        c.State = CaseState.Dismissed;
        _tracker.Observe(c, [CaseEventKind.Rejected], Reported.AddMinutes(40));

        Assert.Empty(_steps.OpenForCase(c.Number));
        Assert.True(Step("Resolve").Cancelled);
        Assert.Null(c.NextDeadline);
    }
}
