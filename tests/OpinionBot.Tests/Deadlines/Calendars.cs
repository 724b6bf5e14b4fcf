using OpinionBot.Deadlines;

namespace OpinionBot.Tests.Deadlines;

/// <summary>Calendars and local-time helpers for the deadline tests.</summary>
internal static class Calendars
{
    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>China's National Day 2026: 10-01..10-07 off (10-03, 10-04 a weekend), make-up days Sun 09-27 and Sat 10-10.</summary>
    public static CalendarOptions NationalDay2026() => new()
    {
        Holidays = ["2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"],
        ExtraWorkdays = ["2026-09-27", "2026-10-10"],
    };

    public static WorkingCalendar InShanghai(CalendarOptions? options = null) => new(options ?? new CalendarOptions(), Shanghai);

    public static WorkingCalendar InBerlin(CalendarOptions? options = null) => new(options ?? new CalendarOptions(), Berlin);

    /// <summary>The UTC instant of a wall-clock time in <paramref name="zone"/> (unambiguous times only).</summary>
    public static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset AtShanghai(int year, int month, int day, int hour, int minute = 0) => Local(Shanghai, year, month, day, hour, minute);

    public static DateTimeOffset AtBerlin(int year, int month, int day, int hour, int minute = 0) => Local(Berlin, year, month, day, hour, minute);
}
