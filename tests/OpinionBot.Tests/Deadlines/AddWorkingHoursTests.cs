using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

public sealed class AddWorkingHoursTests
{
    [Fact]
    public void Hours_skip_lunch()
    {
        Assert.Equal(AtShanghai(2026, 11, 24, 15), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, 10), 4));
    }

    [Fact]
    public void Friday_five_pm_plus_half_a_day_is_Monday_noon()
    {
        Assert.Equal(AtShanghai(2026, 11, 30, 12), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 27, 17), 4));
    }

    [Fact]
    public void Hours_that_end_with_a_period_end_there()
    {
        Assert.Equal(AtShanghai(2026, 11, 24, 12), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, 9), 3));
        Assert.Equal(AtShanghai(2026, 11, 24, 18), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, 9), 8));
    }

    [Fact]
    public void Hours_cross_the_night()
    {
        Assert.Equal(AtShanghai(2026, 11, 25, 11), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, 16), 4));
    }

    [Fact]
    public void A_report_at_half_past_eleven_at_night_counts_from_the_next_local_morning()
    {
        var lateReport = AtShanghai(2026, 11, 24, 23, 30);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 15, 30, 0, TimeSpan.Zero), lateReport);

        Assert.Equal(AtShanghai(2026, 11, 25, 14), InShanghai().AddWorkingHours(lateReport, 4));
    }

    [Fact]
    public void An_early_local_morning_that_is_still_yesterday_in_UTC_counts_from_that_local_morning()
    {
        var early = AtShanghai(2026, 11, 25, 7, 30);
        Assert.Equal(24, early.Day);

        Assert.Equal(AtShanghai(2026, 11, 25, 10), InShanghai().AddWorkingHours(early, 1));
    }

    [Theory]
    [InlineData(10, 0, 10, 0)]
    [InlineData(12, 0, 13, 0)]
    [InlineData(12, 30, 13, 0)]
    [InlineData(7, 0, 9, 0)]
    public void Zero_hours_moves_to_the_next_working_instant(int hour, int minute, int expectedHour, int expectedMinute)
    {
        Assert.Equal(AtShanghai(2026, 11, 24, expectedHour, expectedMinute), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, hour, minute), 0));
    }

    [Fact]
    public void Zero_hours_on_a_weekend_is_Monday_morning()
    {
        Assert.Equal(AtShanghai(2026, 11, 30, 9), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 28, 10), 0));
    }

    [Fact]
    public void The_National_Day_week_is_skipped()
    {
        var calendar = InShanghai(NationalDay2026());

        Assert.Equal(AtShanghai(2026, 10, 8, 11), calendar.AddWorkingHours(AtShanghai(2026, 9, 30, 16), 4));
        Assert.Equal(AtShanghai(2026, 10, 8, 9), calendar.AddWorkingHours(AtShanghai(2026, 10, 3, 10), 0));
    }

    [Fact]
    public void A_make_up_Sunday_counts()
    {
        Assert.Equal(AtShanghai(2026, 9, 27, 12), InShanghai(NationalDay2026()).AddWorkingHours(AtShanghai(2026, 9, 25, 17), 4));
    }

    [Fact]
    public void Fractions_of_hours_count_to_the_second()
    {
        Assert.Equal(AtShanghai(2026, 11, 24, 13, 30), InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, 11), 1.5));
    }

    [Fact]
    public void Results_are_UTC()
    {
        var start = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

        var result = InShanghai().AddWorkingHours(start, 1);

        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero), result);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Negative_or_non_finite_hours_are_refused(double hours) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InShanghai().AddWorkingHours(AtShanghai(2026, 11, 24, 10), hours));
}
