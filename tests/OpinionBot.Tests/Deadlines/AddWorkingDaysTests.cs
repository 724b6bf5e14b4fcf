using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

public sealed class AddWorkingDaysTests
{
    [Fact]
    public void Five_working_days_from_Monday_morning_is_next_Monday_at_the_same_time()
    {
        Assert.Equal(AtShanghai(2026, 11, 30, 10), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 23, 10), 5));
    }

    [Fact]
    public void Days_skip_the_weekend()
    {
        Assert.Equal(AtShanghai(2026, 11, 30, 15), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 27, 15), 1));
    }

    [Fact]
    public void From_a_Saturday_days_count_from_Monday_morning()
    {
        Assert.Equal(AtShanghai(2026, 12, 1, 9), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 28, 10), 1));
        Assert.Equal(AtShanghai(2026, 11, 30, 9), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 28, 10), 0));
    }

    [Fact]
    public void From_the_evening_days_count_from_the_next_working_morning()
    {
        Assert.Equal(AtShanghai(2026, 12, 7, 9), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 27, 20), 5));
        Assert.Equal(AtShanghai(2026, 11, 26, 9), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 24, 18), 1));
    }

    [Fact]
    public void From_lunch_days_count_from_the_afternoon_start()
    {
        Assert.Equal(AtShanghai(2026, 11, 25, 13), InShanghai().AddWorkingDays(AtShanghai(2026, 11, 24, 12, 30), 1));
    }

    [Fact]
    public void A_report_late_at_night_counts_from_the_local_next_morning()
    {
        var lateReport = AtShanghai(2026, 11, 24, 23, 30); // 15:30 UTC the same UTC day

        Assert.Equal(AtShanghai(2026, 12, 2, 9), InShanghai().AddWorkingDays(lateReport, 5));
    }

    [Fact]
    public void The_National_Day_week_is_skipped_and_the_make_up_Saturday_counts()
    {
        // 09-30 (1), 10-08 (2), 10-09 (3), Saturday 10-10 (4), Monday 10-12 (5).
        Assert.Equal(AtShanghai(2026, 10, 12, 10), InShanghai(NationalDay2026()).AddWorkingDays(AtShanghai(2026, 9, 29, 10), 5));
    }

    [Fact]
    public void A_report_on_the_holiday_counts_from_the_first_working_morning_after_it()
    {
        Assert.Equal(AtShanghai(2026, 10, 9, 9), InShanghai(NationalDay2026()).AddWorkingDays(AtShanghai(2026, 10, 2, 16), 1));
    }

    [Fact]
    public void From_a_working_instant_each_day_adds_a_full_working_day()
    {
        var calendar = InShanghai();
        var start = AtShanghai(2026, 11, 25, 14, 20);

        Assert.Equal(TimeSpan.FromHours(8 * 7), calendar.WorkingTimeBetween(start, calendar.AddWorkingDays(start, 7)));
    }

    [Fact]
    public void Negative_days_are_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => InShanghai().AddWorkingDays(AtShanghai(2026, 11, 24, 10), -1));
}
