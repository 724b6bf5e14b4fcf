namespace OpinionBot.Deadlines;

/// <summary>
/// The <c>Calendar</c> section: days off and make-up working days (调休), as <c>yyyy-MM-dd</c>,
/// and the working periods of a working day, as <c>HH:mm-HH:mm</c> in the organisation's time zone.
/// </summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>Working periods used when <see cref="WorkingHours"/> is not configured: 8 hours with a lunch break.</summary>
    public static readonly IReadOnlyList<string> DefaultWorkingHours = ["09:00-12:00", "13:00-18:00"];

    public List<string> Holidays { get; set; } = [];
    public List<string> ExtraWorkdays { get; set; } = [];

    /// <summary>
    /// Configured working periods, or null. Deliberately empty by default: the configuration binder appends
    /// configured items to a non-empty list, so the defaults live in <see cref="DefaultWorkingHours"/>.
    /// </summary>
    public List<string>? WorkingHours { get; set; }

    /// <summary>The configured working periods, or <see cref="DefaultWorkingHours"/> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveWorkingHours => WorkingHours is { Count: > 0 } ? WorkingHours : DefaultWorkingHours;
}
