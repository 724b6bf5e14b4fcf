using OpinionBot.Duty;
using OpinionBot.Roster;

namespace OpinionBot.Tests.Duty;

public sealed class DutyProblemsTests
{
    private static OrganizationOptions With(params DutyEntryOptions[] duty) => new()
    {
        Units = [new UnitOptions { Id = "u1", Name = "U1", Officers = ["officer@x.cn"], SupervisingLeaders = ["leader@x.cn"] }],
        Office = new OfficeOptions { Members = ["office@x.cn"] },
        Duty = [.. duty],
    };

    [Fact]
    public void A_valid_roster_has_no_problems() =>
        Assert.Empty(DutyProblems.Find(With(
            new DutyEntryOptions { Person = "OFFICE@x.cn", Days = ["Mon", "fri", "Saturday", "2026-10-01", "Holidays"], From = "18:00", To = "09:00" },
            new DutyEntryOptions { Person = "leader@x.cn", Days = ["Sat"] })));

    [Fact]
    public void Names_each_problem_of_an_entry()
    {
        var problems = DutyProblems.Find(With(
            new DutyEntryOptions { Person = "stranger@x.cn", Days = ["Mon", "Lundi", "2026-13-01"], From = "6pm", To = "25:00" },
            new DutyEntryOptions { Person = "", Days = [], From = "24:00" },
            new DutyEntryOptions { Person = "not an id", Days = ["Sun"] }));

        Assert.Equal(
        [
            "Organization:Duty:0:Person 'stranger@x.cn' is not on the roster (a unit, the office, the leading-group head or an admin); the bot can only reach people on it.",
            "Organization:Duty:0:Days:1 'Lundi' is not a weekday (Mon … Sun), a date (yyyy-MM-dd) or Holidays.",
            "Organization:Duty:0:Days:2 '2026-13-01' is not a weekday (Mon … Sun), a date (yyyy-MM-dd) or Holidays.",
            "Organization:Duty:0:From '6pm' is not a time in HH:mm form (00:00 to 23:59).",
            "Organization:Duty:0:To '25:00' is not a time in HH:mm form (00:00 to 24:00).",
            "Organization:Duty:1 has no Person (who is on duty, as the roster writes them).",
            "Organization:Duty:1 has no Days; list weekdays (Mon … Sun), dates (yyyy-MM-dd) or Holidays.",
            "Organization:Duty:1:From '24:00' is not a time in HH:mm form (00:00 to 23:59).",
            "Organization:Duty:2:Person 'not an id' is neither an Entra object id (GUID) nor an email/UPN.",
        ], problems);
    }
}
