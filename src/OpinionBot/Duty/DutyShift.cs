using System.Globalization;

namespace OpinionBot.Duty;

/// <summary>A parsed <see cref="DutyEntryOptions"/>: who, on which days, from when and for how long (local time).</summary>
public sealed record DutyShift(string Person, IReadOnlySet<DayOfWeek> Weekdays, IReadOnlySet<DateOnly> Dates, bool Holidays, TimeSpan From, TimeSpan Length)
{
    public const string HolidaysToken = "Holidays";

    /// <summary>How specific the shift is on <paramref name="day"/>: a named date wins over Holidays, which wins over a weekday; 0 when it does not apply.</summary>
    public int RankOn(DateOnly day, IReadOnlySet<DateOnly> holidays) =>
        Dates.Contains(day) ? 3 : Holidays && holidays.Contains(day) ? 2 : Weekdays.Contains(day.DayOfWeek) ? 1 : 0;

    /// <summary>A weekday (<c>Mon</c> or <c>Monday</c>, any case), a date (<c>yyyy-MM-dd</c>) or <c>Holidays</c>.</summary>
    public static bool TryParseDay(string token, out DayOfWeek? weekday, out DateOnly? date, out bool holidays)
    {
        weekday = null;
        date = null;
        holidays = false;
        var text = token.Trim();
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
            {
                weekday = day;
                return true;
            }
        }

        if (text.Equals(HolidaysToken, StringComparison.OrdinalIgnoreCase))
        {
            holidays = true;
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary><c>HH:mm</c>; <c>24:00</c> only where <paramref name="allowEndOfDay"/>.</summary>
    public static bool TryParseTime(string? text, bool allowEndOfDay, out TimeSpan time)
    {
        time = default;
        var value = text?.Trim() ?? "";
        if (allowEndOfDay && value == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (!TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        time = parsed.ToTimeSpan();
        return true;
    }

    /// <summary>The shift of a valid entry (see <see cref="DutyProblems"/>); throws otherwise.</summary>
    public static DutyShift Parse(DutyEntryOptions entry)
    {
        var weekdays = new HashSet<DayOfWeek>();
        var dates = new HashSet<DateOnly>();
        var holidays = false;
        foreach (var token in entry.Days)
        {
            if (!TryParseDay(token, out var weekday, out var date, out var isHolidays))
                throw new ArgumentException($"'{token}' is not a duty day.", nameof(entry));
            if (weekday is { } w) weekdays.Add(w);
            if (date is { } d) dates.Add(d);
            holidays |= isHolidays;
        }

        if (!TryParseTime(entry.From, allowEndOfDay: false, out var from) || !TryParseTime(entry.To, allowEndOfDay: true, out var to))
            throw new ArgumentException($"'{entry.From}'-'{entry.To}' is not a duty time range.", nameof(entry));
        var length = to > from ? to - from : TimeSpan.FromHours(24) - from + to;
        return new DutyShift(Roster.PersonKey.Normalize(entry.Person), weekdays, dates, holidays, from, length);
    }
}
