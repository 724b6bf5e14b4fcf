namespace OpinionBot.Duty;

/// <summary>
/// One line of <c>Organization:Duty</c> (24 小时值班): <see cref="Person"/> is on duty on each of <see cref="Days"/>
/// from <see cref="From"/> to <see cref="To"/> (organisation time). A range whose end is not after its start runs
/// overnight into the next day (<c>18:00</c>–<c>09:00</c>); equal times mean 24 hours from <see cref="From"/>.
/// </summary>
public sealed class DutyEntryOptions
{
    /// <summary>As the roster writes people: an Entra object id or an email/UPN; someone on the roster.</summary>
    public string Person { get; set; } = "";

    /// <summary>
    /// Weekdays (<c>Mon</c> … <c>Sun</c>, or in full), dates (<c>2026-10-01</c>) and <c>Holidays</c> (every date in
    /// <c>Calendar:Holidays</c>); the day a range starts on.
    /// </summary>
    public List<string> Days { get; set; } = [];

    /// <summary><c>HH:mm</c>; the whole day when left out.</summary>
    public string From { get; set; } = "00:00";

    /// <summary><c>HH:mm</c>, or <c>24:00</c> for midnight at the end of the day.</summary>
    public string To { get; set; } = "24:00";
}
