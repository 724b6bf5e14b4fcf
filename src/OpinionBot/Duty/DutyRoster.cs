using System.Globalization;
using OpinionBot.Deadlines;

namespace OpinionBot.Duty;

/// <summary>
/// Who is on duty (值班) at an instant, from <c>Organization:Duty</c>, and whether that instant is outside working hours
/// or on a day off — when the person on duty also receives new reports, reminder slips and escalation notices.
/// </summary>
/// <remarks>
/// A shift covers <c>[day + From, day + From + length)</c> in local wall time, for each day it applies to; overnight
/// shifts belong to the day they start. Where shifts of several kinds cover an instant, the most specific kind is on
/// duty: a named date over <c>Holidays</c> over a weekday (so a holiday's roster replaces the usual weekend one);
/// shifts of the same kind share the duty.
/// </remarks>
public sealed class DutyRoster
{
    /// <summary>How far <see cref="NextChange"/> looks ahead.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(62);

    private readonly IReadOnlyList<DutyShift> _shifts;
    private readonly IReadOnlySet<DateOnly> _holidays;
    private readonly WorkingCalendar _calendar;

    /// <param name="entries">The configured duty roster; must be valid (see <see cref="DutyProblems"/>).</param>
    /// <param name="holidays"><c>Calendar:Holidays</c>, the dates the <c>Holidays</c> day stands for.</param>
    /// <param name="calendar">Working days and hours, in the organisation's zone.</param>
    public DutyRoster(IEnumerable<DutyEntryOptions> entries, IEnumerable<string> holidays, WorkingCalendar calendar)
    {
        _shifts = entries.Select(DutyShift.Parse).ToList();
        _holidays = holidays.Select(h => DateOnly.ParseExact(h, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToHashSet();
        _calendar = calendar;
    }

    public bool IsConfigured => _shifts.Count > 0;

    /// <summary>The people on duty at <paramref name="instant"/>, as the roster writes them, in the roster's order.</summary>
    public IReadOnlyList<string> OnDutyAt(DateTimeOffset instant) => OnDutyAtLocal(ToLocal(instant));

    /// <summary>
    /// True outside the working day: on a day that is not a working day (weekend, holiday), or before the first or
    /// after the last working period of a working day. The lunch break is part of the working day.
    /// </summary>
    public bool IsOffHours(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        if (!_calendar.IsWorkingDay(DateOnly.FromDateTime(local)) || _calendar.WorkingPeriods.Count == 0)
            return true;
        var time = local.TimeOfDay;
        return time < _calendar.WorkingPeriods[0].Start || time >= _calendar.WorkingPeriods[^1].End;
    }

    /// <summary>Who is told as well at <paramref name="instant"/>: the people on duty when it is off hours, else nobody.</summary>
    public IReadOnlyList<string> AlsoToldAt(DateTimeOffset instant) => IsOffHours(instant) ? OnDutyAt(instant) : [];

    /// <summary>The first instant after <paramref name="instant"/> when the people on duty change, and who they are then; null within <see cref="Horizon"/>.</summary>
    public DutyChange? NextChange(DateTimeOffset instant)
    {
        var local = ToLocal(instant);
        var now = OnDutyAtLocal(local);
        var first = DateOnly.FromDateTime(local).AddDays(-1);
        var last = DateOnly.FromDateTime(local + Horizon);
        var boundaries = new SortedSet<DateTime>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            foreach (var shift in _shifts.Where(s => s.RankOn(day, _holidays) > 0))
            {
                boundaries.Add(midnight + shift.From);
                boundaries.Add(midnight + shift.From + shift.Length);
            }
        }

        foreach (var boundary in boundaries.Where(b => b > local))
        {
            var then = OnDutyAtLocal(boundary);
            if (!then.SequenceEqual(now))
                return new DutyChange(ToUtc(boundary), then);
        }

        return null;
    }

    private List<string> OnDutyAtLocal(DateTime local)
    {
        var today = DateOnly.FromDateTime(local);
        var covering = new List<(int Rank, int Order, string Person)>();
        for (var i = 0; i < _shifts.Count; i++)
        {
            var shift = _shifts[i];
            foreach (var day in new[] { today.AddDays(-1), today })
            {
                var rank = shift.RankOn(day, _holidays);
                var start = day.ToDateTime(TimeOnly.MinValue) + shift.From;
                if (rank > 0 && start <= local && local < start + shift.Length)
                    covering.Add((rank, i, shift.Person));
            }
        }

        if (covering.Count == 0) return [];
        var top = covering.Max(c => c.Rank);
        return covering.Where(c => c.Rank == top).OrderBy(c => c.Order).Select(c => c.Person).Distinct().ToList();
    }

    private DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _calendar.TimeZone).DateTime;

    /// <summary>Local wall time to UTC: a time in a daylight-saving gap moves to its end, a repeated one takes its first occurrence.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        var zone = _calendar.TimeZone;
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
            local = local.AddMinutes(1);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}

/// <summary>When the duty next changes hands, and to whom (empty: nobody).</summary>
public sealed record DutyChange(DateTimeOffset At, IReadOnlyList<string> People);
