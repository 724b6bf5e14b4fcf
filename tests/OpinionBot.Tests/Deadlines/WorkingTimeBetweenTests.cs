using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

public sealed class WorkingTimeBetweenTests
{
    [Fact]
    public void Friday_five_pm_to_Monday_noon_is_four_hours_and_back_is_minus_four()
    {
        var calendar = InShanghai();
        var friday = AtShanghai(2026, 11, 27, 17);
        var monday = AtShanghai(2026, 11, 30, 12);

        Assert.Equal(TimeSpan.FromHours(4), calendar.WorkingTimeBetween(friday, monday));
        Assert.Equal(TimeSpan.FromHours(-4), calendar.WorkingTimeBetween(monday, friday));
    }

    [Fact]
    public void The_same_instant_and_lunch_are_no_working_time()
    {
        var calendar = InShanghai();

        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(AtShanghai(2026, 11, 24, 10), AtShanghai(2026, 11, 24, 10)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(AtShanghai(2026, 11, 24, 12), AtShanghai(2026, 11, 24, 13)));
        Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(AtShanghai(2026, 11, 28, 0), AtShanghai(2026, 11, 30, 9)));
    }

    [Fact]
    public void A_whole_local_day_is_eight_hours()
    {
        Assert.Equal(TimeSpan.FromHours(8), InShanghai().WorkingTimeBetween(AtShanghai(2026, 11, 24, 0), AtShanghai(2026, 11, 25, 0)));
    }

    [Fact]
    public void The_two_weeks_around_National_Day_have_six_working_days()
    {
        // 09-28, 09-29, 09-30, 10-08, 10-09, 10-10.
        Assert.Equal(TimeSpan.FromHours(48), InShanghai(NationalDay2026()).WorkingTimeBetween(AtShanghai(2026, 9, 28, 0), AtShanghai(2026, 10, 11, 0)));
    }

    [Fact]
    public void Lateness_is_measured_in_working_time()
    {
        var calendar = InShanghai();
        var deadline = AtShanghai(2026, 11, 27, 17);   // Friday 17:00
        var done = AtShanghai(2026, 11, 30, 10, 30);   // Monday 10:30

        Assert.Equal(TimeSpan.FromHours(2.5), calendar.WorkingTimeBetween(deadline, done));
    }
}
