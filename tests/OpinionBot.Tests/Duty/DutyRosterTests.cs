using OpinionBot.Deadlines;
using OpinionBot.Duty;
using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Duty;

public sealed class DutyRosterTests
{
    private static DutyEntryOptions Entry(string person, string[] days, string from = "00:00", string to = "24:00") =>
        new() { Person = person, Days = [.. days], From = from, To = to };

    private static DutyRoster Roster(params DutyEntryOptions[] entries)
    {
        var calendar = NationalDay2026();
        return new DutyRoster(entries, calendar.Holidays, InShanghai(calendar));
    }

    [Fact]
    public void An_overnight_range_belongs_to_the_day_it_starts_and_ends_the_next_morning()
    {
        var duty = Roster(Entry("night@x.cn", ["Fri"], "18:00", "09:00"));

        Assert.Empty(duty.OnDutyAt(AtShanghai(2026, 11, 27, 17, 59)));
        Assert.Equal(["night@x.cn"], duty.OnDutyAt(AtShanghai(2026, 11, 27, 18, 0)));
        Assert.Equal(["night@x.cn"], duty.OnDutyAt(AtShanghai(2026, 11, 28, 8, 59)));
        Assert.Empty(duty.OnDutyAt(AtShanghai(2026, 11, 28, 9, 0)));
        Assert.Empty(duty.OnDutyAt(AtShanghai(2026, 11, 26, 23, 0)));
    }

    [Fact]
    public void Equal_times_are_a_24_hour_shift_handed_over_at_that_time()
    {
        var duty = Roster(Entry("a@x.cn", ["Sat"], "08:30", "08:30"), Entry("b@x.cn", ["Sun"], "08:30", "08:30"));

        Assert.Equal(["a@x.cn"], duty.OnDutyAt(AtShanghai(2026, 11, 29, 8, 29)));
        Assert.Equal(["b@x.cn"], duty.OnDutyAt(AtShanghai(2026, 11, 29, 8, 30)));
        Assert.Equal(["b@x.cn"], duty.OnDutyAt(AtShanghai(2026, 11, 30, 8, 29)));
    }

    [Fact]
    public void A_named_date_wins_over_Holidays_which_wins_over_a_weekday_and_entries_of_one_kind_share_the_duty()
    {
        var duty = Roster(
            Entry("weekday@x.cn", ["Thu", "Fri"]),
            Entry("weekday2@x.cn", ["Thu"]),
            Entry("holiday@x.cn", ["Holidays"]),
            Entry("date@x.cn", ["2026-10-02"], "08:00", "20:00"));

        Assert.Equal(["weekday@x.cn", "weekday2@x.cn"], duty.OnDutyAt(AtShanghai(2026, 9, 24, 12, 0)));
        Assert.Equal(["holiday@x.cn"], duty.OnDutyAt(AtShanghai(2026, 10, 1, 12, 0)));
        Assert.Equal(["date@x.cn"], duty.OnDutyAt(AtShanghai(2026, 10, 2, 12, 0)));
        Assert.Equal(["holiday@x.cn"], duty.OnDutyAt(AtShanghai(2026, 10, 2, 21, 0)));
    }

    [Fact]
    public void The_next_change_is_the_hand_over_to_the_next_people_or_to_nobody()
    {
        var duty = Roster(Entry("a@x.cn", ["Mon", "Tue"], "18:00", "09:00"), Entry("b@x.cn", ["Wed"], "09:00", "09:00"));

        var first = duty.NextChange(AtShanghai(2026, 11, 23, 10, 0))!;
        Assert.Equal(AtShanghai(2026, 11, 23, 18, 0), first.At);
        Assert.Equal(["a@x.cn"], first.People);

        // Monday's night runs into Tuesday 09:00, Tuesday's from 18:00: between them nobody is on duty.
        var morning = duty.NextChange(AtShanghai(2026, 11, 23, 20, 0))!;
        Assert.Equal(AtShanghai(2026, 11, 24, 9, 0), morning.At);
        Assert.Empty(morning.People);

        // Tuesday's night ends at Wednesday 09:00, exactly when b takes over.
        var handOver = duty.NextChange(AtShanghai(2026, 11, 24, 20, 0))!;
        Assert.Equal(AtShanghai(2026, 11, 25, 9, 0), handOver.At);
        Assert.Equal(["b@x.cn"], handOver.People);
    }

    [Fact]
    public void Without_a_change_within_the_horizon_there_is_no_next_change()
    {
        Assert.Null(Roster(Entry("always@x.cn", ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])).NextChange(AtShanghai(2026, 11, 23, 10, 0)));
        Assert.Null(Roster().NextChange(AtShanghai(2026, 11, 23, 10, 0)));
        Assert.False(Roster().IsConfigured);
    }

    [Theory]
    [InlineData(2026, 11, 23, 10, 0, false)] // Monday morning
    [InlineData(2026, 11, 23, 12, 30, false)] // the lunch break is part of the working day
    [InlineData(2026, 11, 23, 8, 59, true)] // before the first period
    [InlineData(2026, 11, 23, 18, 0, true)] // the end of the last period
    [InlineData(2026, 11, 28, 10, 0, true)] // Saturday
    [InlineData(2026, 10, 1, 10, 0, true)] // National Day
    [InlineData(2026, 10, 10, 10, 0, false)] // a make-up working Saturday (调休)
    public void Off_hours_are_outside_the_working_day_or_on_a_day_off(int y, int m, int d, int h, int min, bool expected) =>
        Assert.Equal(expected, Roster().IsOffHours(AtShanghai(y, m, d, h, min)));

    [Fact]
    public void Those_on_duty_are_also_told_only_off_hours()
    {
        var duty = Roster(Entry("all@x.cn", ["Mon", "Sat"]));

        Assert.Empty(duty.AlsoToldAt(AtShanghai(2026, 11, 23, 10, 0)));
        Assert.Equal(["all@x.cn"], duty.AlsoToldAt(AtShanghai(2026, 11, 23, 19, 0)));
        Assert.Equal(["all@x.cn"], duty.AlsoToldAt(AtShanghai(2026, 11, 28, 10, 0)));
    }

    [Fact]
    public void People_are_matched_as_the_roster_writes_them_case_insensitively() =>
        Assert.Equal(["duty@x.cn"], Roster(Entry(" Duty@X.cn ", ["sat"])).OnDutyAt(AtShanghai(2026, 11, 28, 10, 0)));
}
