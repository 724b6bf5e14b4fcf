using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Tests.Support;
using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

public sealed class DeadlineRulesTests
{
    private static readonly DeadlineOptions Defaults = new();

    [Theory]
    [InlineData(CaseLevel.I, 1)]
    [InlineData(CaseLevel.II, 1)]
    [InlineData(CaseLevel.III, 2)]
    [InlineData(CaseLevel.IV, 2)]
    public void Major_cases_must_be_reported_sooner(CaseLevel level, int hours)
    {
        var discovered = AtShanghai(2026, 11, 28, 23, 30); // a Saturday night: wall clock still runs

        Assert.Equal(discovered.AddHours(hours), DeadlineRules.ReportAfterDiscovery(discovered, level, Defaults));
    }

    [Fact]
    public void The_major_report_clock_is_its_own_option()
    {
        var options = new DeadlineOptions { ReportAfterDiscovery = TimeSpan.FromHours(3), ReportAfterDiscoveryMajor = TimeSpan.FromMinutes(30) };
        var discovered = AtShanghai(2026, 11, 24, 10);

        Assert.Equal(discovered.AddMinutes(30), DeadlineRules.ReportAfterDiscovery(discovered, CaseLevel.I, options));
        Assert.Equal(discovered.AddHours(3), DeadlineRules.ReportAfterDiscovery(discovered, CaseLevel.III, options));
    }

    [Fact]
    public void Wall_clock_deadlines_run_through_holidays_and_nights()
    {
        var reported = AtShanghai(2026, 10, 1, 22); // National Day, 22:00

        Assert.Equal(AtShanghai(2026, 10, 1, 23), DeadlineRules.ReviewAfterReport(reported, Defaults));
        Assert.Equal(AtShanghai(2026, 10, 2, 1), DeadlineRules.FirstResponseAfterPost(reported, Defaults));
        Assert.Equal(AtShanghai(2026, 10, 2, 16), DeadlineRules.FormalAnswerAfterPost(reported, Defaults));
    }

    [Fact]
    public void Verification_is_due_half_a_working_day_after_approval()
    {
        var calendar = InShanghai(NationalDay2026());

        Assert.Equal(AtShanghai(2026, 11, 30, 12), DeadlineRules.VerificationAfterApproval(AtShanghai(2026, 11, 27, 17), Defaults, calendar));
        Assert.Equal(AtShanghai(2026, 10, 8, 11), DeadlineRules.VerificationAfterApproval(AtShanghai(2026, 9, 30, 16), Defaults, calendar));
    }

    [Fact]
    public void Resolution_is_due_five_working_days_after_report()
    {
        var calendar = InShanghai(NationalDay2026());

        Assert.Equal(AtShanghai(2026, 10, 12, 10), DeadlineRules.ResolveAfterReport(AtShanghai(2026, 9, 29, 10), Defaults, calendar));
    }

    [Fact]
    public void Deadlines_are_UTC_whatever_offset_the_start_carries()
    {
        var calendar = InShanghai();
        var reported = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

        Assert.All(
            new[]
            {
                DeadlineRules.ReportAfterDiscovery(reported, CaseLevel.III, Defaults),
                DeadlineRules.ReviewAfterReport(reported, Defaults),
                DeadlineRules.FirstResponseAfterPost(reported, Defaults),
                DeadlineRules.VerificationAfterApproval(reported, Defaults, calendar),
                DeadlineRules.FormalAnswerAfterPost(reported, Defaults),
                DeadlineRules.ResolveAfterReport(reported, Defaults, calendar),
            },
            deadline => Assert.Equal(TimeSpan.Zero, deadline.Offset));
    }

    [Fact]
    public void A_report_filed_late_at_night_is_overdue_by_working_time_only()
    {
        var (clock, time) = TestClock.At(new DateTimeOffset(2026, 11, 27, 15, 30, 0, TimeSpan.Zero)); // Friday 23:30 in Shanghai
        var calendar = new WorkingCalendar(new CalendarOptions(), clock.TimeZone);
        var approved = clock.UtcNow;

        var due = DeadlineRules.VerificationAfterApproval(approved, Defaults, calendar);
        Assert.Equal(AtShanghai(2026, 11, 30, 14), due);

        time.Advance(TimeSpan.FromDays(3)); // Monday 23:30: verification still not in
        Assert.True(clock.UtcNow > due);
        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingTimeBetween(due, clock.UtcNow));
    }
}
