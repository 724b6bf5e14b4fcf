using CsCheck;
using OpinionBot.Deadlines;
using static OpinionBot.Tests.Deadlines.Calendars;

namespace OpinionBot.Tests.Deadlines;

/// <summary>Properties over random instants in 2026–2027, in Shanghai and Berlin, with the National Day calendar and a whole-day calendar.</summary>
public sealed class WorkingCalendarPropertyTests
{
    private static readonly WorkingCalendar[] Samples =
    [
        InShanghai(NationalDay2026()),
        InBerlin(NationalDay2026()),
        InBerlin(new() { ExtraWorkdays = ["2026-03-29", "2026-10-25", "2027-03-28", "2027-10-31"], WorkingHours = ["00:00-24:00"] }),
        InShanghai(new() { WorkingHours = ["08:00-08:30", "10:00-10:45", "21:00-24:00"] }),
    ];

    private static readonly Gen<DateTimeOffset> Instant =
        Gen.Long[new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks, new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero).Ticks]
            .Select(ticks => new DateTimeOffset(ticks - ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero));

    private static readonly Gen<WorkingCalendar> Calendar = Gen.Int[0, Samples.Length - 1].Select(i => Samples[i]);

    [Fact]
    public void Adding_hours_then_measuring_gives_the_hours_back()
    {
        Gen.Select(Calendar, Instant, Gen.Double[0, 200]).Sample(sample =>
        {
            var (calendar, start, hours) = sample;
            var end = calendar.AddWorkingHours(start, hours);
            Assert.True(end >= start);
            Assert.InRange((calendar.WorkingTimeBetween(start, end) - TimeSpan.FromHours(hours)).Duration(), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        });
    }

    [Fact]
    public void Working_time_between_is_antisymmetric_and_additive()
    {
        Gen.Select(Calendar, Instant, Instant, Instant).Sample(sample =>
        {
            var (calendar, a, b, c) = sample;
            Assert.Equal(calendar.WorkingTimeBetween(a, b), -calendar.WorkingTimeBetween(b, a));
            Assert.Equal(calendar.WorkingTimeBetween(a, c), calendar.WorkingTimeBetween(a, b) + calendar.WorkingTimeBetween(b, c));
            Assert.InRange(calendar.WorkingTimeBetween(a, b).Duration(), TimeSpan.Zero, (b - a).Duration());
        }, iter: 300);
    }

    [Fact]
    public void Zero_hours_is_the_next_working_instant_and_it_is_working_time()
    {
        Gen.Select(Calendar, Instant).Sample(sample =>
        {
            var (calendar, start) = sample;
            var next = calendar.AddWorkingHours(start, 0);
            Assert.Equal(calendar.NextWorkingInstant(start), next);
            Assert.True(calendar.IsWorkingTime(next));
            Assert.Equal(TimeSpan.Zero, calendar.WorkingTimeBetween(start, next));
        });
    }

    [Fact]
    public void Working_days_from_a_working_instant_in_Shanghai_are_whole_working_days()
    {
        var calendar = InShanghai();
        Gen.Select(Instant, Gen.Int[0, 30]).Sample(sample =>
        {
            var (start, days) = sample;
            var from = calendar.NextWorkingInstant(start);
            var end = calendar.AddWorkingDays(start, days);
            Assert.Equal(TimeSpan.FromHours(8 * days), calendar.WorkingTimeBetween(from, end));
            Assert.True(calendar.IsWorkingDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end, Shanghai).DateTime)));
        });
    }
}
