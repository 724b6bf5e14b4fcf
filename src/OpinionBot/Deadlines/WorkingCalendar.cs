using System.Globalization;

namespace OpinionBot.Deadlines;

/// <summary>
/// Working days and working hours of the organisation (DESIGN.md §2, §6), in its time zone.
/// </summary>
/// <remarks>
/// <para>All arithmetic is done on the organisation's local calendar; every result is a UTC <see cref="DateTimeOffset"/>.</para>
/// <para><b>Working day:</b> Monday to Friday unless listed in <c>Calendar:Holidays</c>, plus any day listed in
/// <c>Calendar:ExtraWorkdays</c> (调休, a weekend day worked to make up for a holiday). A date in both lists is a holiday.</para>
/// <para><b>Working time:</b> the instants inside a working period (<c>Calendar:WorkingHours</c>) of a working day,
/// periods half-open: <c>[start, end)</c>. It is measured in elapsed time, so on a day when daylight saving time
/// changes inside a period that period is an hour shorter or longer. A period boundary that falls in a
/// daylight-saving gap moves to the end of the gap; one that falls in the repeated hour takes its first occurrence.</para>
/// <para><b>Next working instant:</b> an instant inside working time is its own next working instant; any other instant
/// (a weekend, a holiday, lunch, the evening, exactly the end of a period) moves to the start of the next working period.</para>
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _extraWorkdays;

    /// <param name="options">Holidays, make-up working days and working hours; must be valid (see ConfigurationProblems).</param>
    /// <param name="timeZone">The organisation's time zone (<c>Organization:TimeZone</c>).</param>
    public WorkingCalendar(CalendarOptions options, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeZone);
        TimeZone = timeZone;
        _holidays = ParseDates(options.Holidays, nameof(options.Holidays));
        _extraWorkdays = ParseDates(options.ExtraWorkdays, nameof(options.ExtraWorkdays));
        WorkingPeriods = WorkingHoursProblems.Parse(options.EffectiveWorkingHours);
        WorkingDayLength = WorkingPeriods.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Length);
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>The periods of every working day, in order, not overlapping.</summary>
    public IReadOnlyList<WorkingPeriod> WorkingPeriods { get; }

    /// <summary>Working time in one working day without a daylight-saving change (8 hours with the defaults).</summary>
    public TimeSpan WorkingDayLength { get; }

    /// <summary>Monday to Friday unless a holiday, or a listed make-up working day (调休); holidays win over make-up days.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        if (_holidays.Contains(date))
            return false;
        return _extraWorkdays.Contains(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>True when <paramref name="instant"/> lies inside a working period of a working day.</summary>
    public bool IsWorkingTime(DateTimeOffset instant) => NextWorkingInstant(instant) == instant.ToUniversalTime();

    /// <summary>The instant itself when it is working time, else the start of the next working period (UTC).</summary>
    public DateTimeOffset NextWorkingInstant(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        foreach (var (start, end) in IntervalsFrom(utc))
        {
            if (end > utc)
                return start > utc ? start : utc;
        }
        throw new InvalidOperationException("No working time before the end of the calendar.");
    }

    /// <summary>
    /// The same local time of day on the <paramref name="days"/>-th working day after the start, in UTC.
    /// A start outside working time first moves to the next working instant (so a report on Saturday counts
    /// from Monday's first period, and one at 20:00 from the next working morning); zero days gives that instant.
    /// From a working instant this adds <paramref name="days"/> full working days of working time.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = ToLocal(NextWorkingInstant(startUtc));
        var date = DateOnly.FromDateTime(start);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
                counted++;
        }
        return ToUtc(date.ToDateTime(TimeOnly.FromDateTime(start)));
    }

    /// <summary>
    /// The instant when <paramref name="hours"/> of working time have passed since the start, in UTC. Only time inside
    /// working periods of working days counts; the result may be the end of a period (09:00 + 3 h = 12:00, not 13:00).
    /// Zero hours gives the next working instant. Friday 17:00 + 4 h = Monday 12:00 with the default hours.
    /// </summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset startUtc, double hours)
    {
        if (double.IsNaN(hours) || double.IsInfinity(hours) || hours < 0)
            throw new ArgumentOutOfRangeException(nameof(hours), hours, "Working hours must be a finite number, zero or more.");
        var utc = startUtc.ToUniversalTime();
        var remaining = TimeSpan.FromHours(hours);
        foreach (var (periodStart, end) in IntervalsFrom(utc))
        {
            if (end <= utc)
                continue;
            var from = periodStart > utc ? periodStart : utc;
            var available = end - from;
            if (remaining <= available)
                return from + remaining;
            remaining -= available;
        }
        throw new InvalidOperationException("No working time before the end of the calendar.");
    }

    /// <summary>
    /// Working time from <paramref name="fromUtc"/> to <paramref name="toUtc"/>: positive when <paramref name="toUtc"/>
    /// is later, negative when earlier (antisymmetric: Between(a, b) == -Between(b, a)). Use it to say how late a step is.
    /// </summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset fromUtc, DateTimeOffset toUtc)
    {
        var from = fromUtc.ToUniversalTime();
        var to = toUtc.ToUniversalTime();
        if (to < from)
            return -WorkingTimeBetween(to, from);
        var total = TimeSpan.Zero;
        foreach (var (start, end) in IntervalsFrom(from))
        {
            if (start >= to)
                break;
            var overlapStart = start > from ? start : from;
            var overlapEnd = end < to ? end : to;
            if (overlapEnd > overlapStart)
                total += overlapEnd - overlapStart;
        }
        return total;
    }

    /// <summary>Working intervals in UTC, in order, from the local day before <paramref name="utc"/>'s local day on.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> IntervalsFrom(DateTimeOffset utc)
    {
        var first = DateOnly.FromDateTime(ToLocal(utc));
        var date = first > DateOnly.MinValue ? first.AddDays(-1) : first;
        while (true)
        {
            if (IsWorkingDay(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                foreach (var period in WorkingPeriods)
                {
                    var start = ToUtc(midnight + period.Start);
                    var end = ToUtc(midnight + period.End);
                    if (end > start)
                        yield return (start, end);
                }
            }
            if (date >= DateOnly.MaxValue.AddDays(-1))
                yield break;
            date = date.AddDays(1);
        }
    }

    private DateTime ToLocal(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZone).DateTime;

    /// <summary>Local wall time to UTC: a time in a daylight-saving gap moves to the gap's end, a repeated time takes its first occurrence.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (TimeZone.IsInvalidTime(local))
        {
            var probe = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
            while (TimeZone.IsInvalidTime(probe))
                probe = probe.AddMinutes(1);
            // The first valid wall time after the gap is the instant the clocks jumped.
            return new DateTimeOffset(probe, TimeZone.GetUtcOffset(probe)).ToUniversalTime();
        }
        var offset = TimeZone.IsAmbiguousTime(local)
            ? TimeZone.GetAmbiguousTimeOffsets(local).Max()
            : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static HashSet<DateOnly> ParseDates(IEnumerable<string> dates, string name)
    {
        var parsed = new HashSet<DateOnly>();
        foreach (var text in dates)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new ArgumentException($"Calendar:{name} '{text}' is not a date in yyyy-MM-dd form.", name);
            parsed.Add(date);
        }
        return parsed;
    }
}
