namespace OpinionBot.Deadlines;

/// <summary>The <c>Calendar</c> section: days off and make-up working days (调休), as <c>yyyy-MM-dd</c>.</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    public List<string> Holidays { get; set; } = [];
    public List<string> ExtraWorkdays { get; set; } = [];
}
