using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

public sealed class WorkingDayTests
{
    [Theory]
    [InlineData("2026-11-23", true)]  // Monday
    [InlineData("2026-11-27", true)]  // Friday
    [InlineData("2026-11-28", false)] // Saturday
    [InlineData("2026-11-29", false)] // Sunday
    public void Weekdays_work_and_weekends_rest(string date, bool working) =>
        Assert.Equal(working, InShanghai().IsWorkingDay(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026-09-26", false)] // Saturday before the holiday
    [InlineData("2026-09-27", true)]  // Sunday, make-up working day (调休)
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)] // National Day
    [InlineData("2026-10-03", false)] // Saturday inside the holiday
    [InlineData("2026-10-07", false)]
    [InlineData("2026-10-08", true)]
    [InlineData("2026-10-10", true)]  // Saturday, make-up working day
    [InlineData("2026-10-11", false)]
    public void The_National_Day_week_has_its_holidays_and_make_up_days(string date, bool working) =>
        Assert.Equal(working, InShanghai(NationalDay2026()).IsWorkingDay(DateOnly.Parse(date)));

    [Fact]
    public void A_date_listed_as_both_holiday_and_make_up_day_is_a_holiday()
    {
        var calendar = InShanghai(new() { Holidays = ["2026-10-10"], ExtraWorkdays = ["2026-10-10"] });

        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void Working_time_is_judged_on_the_local_date_not_the_UTC_date()
    {
        var calendar = InShanghai();
        var saturdayHalfPastMidnight = AtShanghai(2026, 11, 28, 0, 30); // Friday 16:30 UTC
        var mondayMorningInUtcSunday = AtShanghai(2026, 11, 30, 7, 30); // Sunday 23:30 UTC

        Assert.Equal(DayOfWeek.Friday, saturdayHalfPastMidnight.DayOfWeek);
        Assert.False(calendar.IsWorkingTime(saturdayHalfPastMidnight));
        Assert.Equal(AtShanghai(2026, 11, 30, 9), calendar.NextWorkingInstant(saturdayHalfPastMidnight));
        Assert.Equal(AtShanghai(2026, 11, 30, 9), calendar.NextWorkingInstant(mondayMorningInUtcSunday));
        Assert.True(calendar.IsWorkingTime(AtShanghai(2026, 11, 30, 9)));
    }

    [Theory]
    [InlineData(8, 59, false)]
    [InlineData(9, 0, true)]
    [InlineData(11, 59, true)]
    [InlineData(12, 0, false)] // periods are half-open
    [InlineData(12, 30, false)]
    [InlineData(13, 0, true)]
    [InlineData(18, 0, false)]
    public void Working_periods_are_half_open(int hour, int minute, bool working) =>
        Assert.Equal(working, InShanghai().IsWorkingTime(AtShanghai(2026, 11, 24, hour, minute)));

    [Fact]
    public void The_default_working_day_is_eight_hours_with_a_lunch_break()
    {
        var calendar = InShanghai();

        Assert.Equal(TimeSpan.FromHours(8), calendar.WorkingDayLength);
        Assert.Equal(["09:00-12:00", "13:00-18:00"], calendar.WorkingPeriods.Select(p => p.ToString()));
    }

    [Fact]
    public void Configured_working_hours_replace_the_defaults()
    {
        var calendar = InShanghai(new() { WorkingHours = ["08:30-11:30", "14:30-17:30"] });

        Assert.Equal(TimeSpan.FromHours(6), calendar.WorkingDayLength);
        Assert.False(calendar.IsWorkingTime(AtShanghai(2026, 11, 24, 13, 0)));
        Assert.True(calendar.IsWorkingTime(AtShanghai(2026, 11, 24, 8, 30)));
    }

    [Fact]
    public void Invalid_options_are_refused_at_construction()
    {
        Assert.Throws<ArgumentException>(() => InShanghai(new() { Holidays = ["2026/10/01"] }));
        Assert.Throws<ArgumentException>(() => InShanghai(new() { WorkingHours = ["13:00-18:00", "09:00-12:00"] }));
    }
}
