using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Deadlines.Reminders;
using OpinionBot.Roster;

namespace OpinionBot.Tests.Deadlines;

public sealed class SlipAudienceTests
{
    private static readonly Unit Unit = new()
    {
        Id = "u2", Officers = ["officer-a@x", "officer-b@x"], SupervisingLeaders = ["leader@x"], PrincipalLeaders = ["principal@x"],
    };

    [Fact]
    public void Slips_about_a_units_work_go_to_its_officers_not_to_whoever_filed_the_case_and_widen_to_its_leaders()
    {
        var filedByOffice = new Case { Number = "2026-0001", UnitId = "u2", ReporterKey = "office@x" };
        var step = new OwedStep { CaseNumber = filedByOffice.Number, UnitId = "u2", Clock = StepClock.Dispatch, OwedBy = StepOwner.Officer };

        Assert.Equal(["officer-a@x", "officer-b@x"], SlipAudience.For(step, filedByOffice, Unit, 1));
        Assert.Equal(["officer-a@x", "officer-b@x", "leader@x"], SlipAudience.For(step, filedByOffice, Unit, 2));
        Assert.Equal(["officer-a@x", "officer-b@x", "leader@x", "principal@x"], SlipAudience.For(step, filedByOffice, Unit, 3));
    }

    [Fact]
    public void A_leaders_step_goes_to_that_leader_and_a_unit_without_officers_falls_back_to_the_reporter()
    {
        var c = new Case { Number = "2026-0001", UnitId = "u2", ReporterKey = "reporter@x" };

        Assert.Equal(["principal@x"], SlipAudience.For(new OwedStep { OwedBy = StepOwner.PrincipalLeader }, c, Unit, 1));
        Assert.Equal(["reporter@x"], SlipAudience.For(new OwedStep { OwedBy = StepOwner.Officer }, c, new Unit { Id = "u2" }, 1));
    }
}
