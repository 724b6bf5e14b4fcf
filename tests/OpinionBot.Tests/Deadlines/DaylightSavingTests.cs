using OpinionBot.Deadlines;
using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

/// <summary>Europe/Berlin: clocks go forward on Sunday 2026-03-29 (02:00 → 03:00) and back on Sunday 2026-10-25 (03:00 → 02:00).</summary>
public sealed class DaylightSavingTests
{
    private static readonly DateTimeOffset SpringForward = new(2026, 3, 29, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FallBack = new(2026, 10, 25, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Working_hours_over_the_spring_forward_weekend_keep_local_times()
    {
        var friday = AtBerlin(2026, 3, 27, 17); // 16:00 UTC
        var monday = AtBerlin(2026, 3, 30, 12); // 10:00 UTC

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.Zero), InBerlin().AddWorkingHours(friday, 4));
        Assert.Equal(monday, InBerlin().AddWorkingHours(friday, 4));
        Assert.Equal(TimeSpan.FromHours(4), InBerlin().WorkingTimeBetween(friday, monday));
    }

    [Fact]
    public void Working_days_over_the_fall_back_weekend_keep_the_local_time_of_day()
    {
        var friday = AtBerlin(2026, 10, 23, 10); // 08:00 UTC, summer time

        var monday = InBerlin().AddWorkingDays(friday, 1);

        Assert.Equal(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero), monday); // 10:00 winter time
        Assert.Equal(TimeSpan.FromHours(8), InBerlin().WorkingTimeBetween(friday, monday));
    }

    [Fact]
    public void A_whole_day_period_lasts_23_hours_in_spring_and_25_in_autumn()
    {
        var calendar = InBerlin(new() { ExtraWorkdays = ["2026-03-29", "2026-10-25"], WorkingHours = ["00:00-24:00"] });

        Assert.Equal(TimeSpan.FromHours(23), calendar.WorkingTimeBetween(AtBerlin(2026, 3, 29, 0), AtBerlin(2026, 3, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(25), calendar.WorkingTimeBetween(AtBerlin(2026, 10, 25, 0), AtBerlin(2026, 10, 26, 0)));
        Assert.Equal(SpringForward + TimeSpan.FromHours(1), calendar.AddWorkingHours(SpringForward - TimeSpan.FromHours(1), 2));
        Assert.Equal(FallBack + TimeSpan.FromHours(1), calendar.AddWorkingHours(FallBack - TimeSpan.FromHours(1), 2));
    }

    [Fact]
    public void A_period_starting_in_the_spring_gap_starts_when_the_clocks_jump()
    {
        var calendar = InBerlin(new() { ExtraWorkdays = ["2026-03-29"], WorkingHours = ["02:30-05:00"] });

        Assert.Equal(SpringForward, calendar.NextWorkingInstant(AtBerlin(2026, 3, 29, 0)));
        Assert.Equal(TimeSpan.FromHours(2), calendar.WorkingTimeBetween(AtBerlin(2026, 3, 29, 0), AtBerlin(2026, 3, 29, 12)));
    }

    [Fact]
    public void A_period_starting_in_the_repeated_hour_starts_at_its_first_occurrence()
    {
        var calendar = InBerlin(new() { ExtraWorkdays = ["2026-10-25"], WorkingHours = ["02:30-05:00"] });

        // 02:30 summer time = 00:30 UTC; 05:00 winter time = 04:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), calendar.NextWorkingInstant(AtBerlin(2026, 10, 25, 0)));
        Assert.Equal(TimeSpan.FromHours(3.5), calendar.WorkingTimeBetween(AtBerlin(2026, 10, 25, 0), AtBerlin(2026, 10, 25, 12)));
    }

    [Fact]
    public void A_late_Friday_report_in_Berlin_counts_from_Monday()
    {
        var lateFriday = AtBerlin(2026, 11, 27, 23, 30); // 22:30 UTC

        Assert.Equal(AtBerlin(2026, 11, 30, 10), InBerlin().AddWorkingHours(lateFriday, 1));
        Assert.Equal(TimeSpan.Zero, InBerlin().WorkingTimeBetween(lateFriday, AtBerlin(2026, 11, 30, 9)));
    }

    [Fact]
    public void Shanghai_has_no_daylight_saving_so_every_working_day_is_eight_hours()
    {
        var calendar = new WorkingCalendar(new CalendarOptions(), Shanghai);

        Assert.Equal(TimeSpan.FromHours(8 * 5), calendar.WorkingTimeBetween(AtShanghai(2026, 3, 23, 0), AtShanghai(2026, 3, 30, 0)));
        Assert.Equal(TimeSpan.FromHours(8 * 5), calendar.WorkingTimeBetween(AtShanghai(2026, 10, 19, 0), AtShanghai(2026, 10, 26, 0)));
    }
}
