using OpinionBot.Deadlines;
using OpinionBot.Deadlines.Reminders;

namespace OpinionBot.Tests.Deadlines;

/// <summary>When the overdue scan next has something to send for a step: the instant it keeps in <see cref="OwedStep.NextSlipAt"/>.</summary>
public sealed class ReminderLadderTests
{
    private static readonly DateTimeOffset Due = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private static readonly ReminderOptions Reminders = new() { Interval = TimeSpan.FromMinutes(30), EscalateAfter = 3 };

    private static OwedStep Step(int slips = 0, bool escalated = false, bool open = true, DateTimeOffset? slipsFrom = null) => new()
    {
        Id = "2026-0001:Review", DueAt = Due, SlipsFrom = slipsFrom ?? Due, SlipsSent = slips, Escalated = escalated, Open = open,
    };

    [Fact]
    public void The_first_slip_falls_due_just_past_the_deadline_then_one_each_interval_then_the_notice()
    {
        Assert.Equal(Due.AddTicks(1), ReminderLadder.NextSlipAt(Step(0), Reminders));
        Assert.Equal(Due.AddMinutes(30), ReminderLadder.NextSlipAt(Step(1), Reminders));
        Assert.Equal(Due.AddMinutes(60), ReminderLadder.NextSlipAt(Step(2), Reminders));
        Assert.Equal(Due.AddMinutes(90), ReminderLadder.NextSlipAt(Step(3), Reminders));
        Assert.Null(ReminderLadder.NextSlipAt(Step(3, escalated: true), Reminders));
    }

    [Fact]
    public void A_step_opened_past_its_deadline_counts_from_its_opening_and_a_closed_one_is_due_nothing()
    {
        var opened = Due.AddHours(5);
        Assert.Equal(opened, ReminderLadder.NextSlipAt(Step(0, slipsFrom: opened), Reminders));
        Assert.Equal(opened.AddMinutes(30), ReminderLadder.NextSlipAt(Step(1, slipsFrom: opened), Reminders));
        Assert.Null(ReminderLadder.NextSlipAt(Step(1, open: false), Reminders));
    }
}
