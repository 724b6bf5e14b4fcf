namespace OpinionBot.Deadlines.Reminders;

/// <summary>
/// The reminder ladder of an owed step in time: slip n is due once the step is n−1 intervals behind (the first as soon
/// as it is past its deadline), the escalation notice once it is <c>EscalateAfter</c> intervals behind. Behind is
/// counted from <see cref="OwedStep.SlipsFrom"/> when the step was opened already past its deadline.
/// </summary>
public static class ReminderLadder
{
    /// <summary>Where the ladder counts from: the deadline, or the opening of a step opened past it.</summary>
    public static DateTimeOffset CountsFrom(OwedStep step) => step.SlipsFrom > step.DueAt ? step.SlipsFrom : step.DueAt;

    /// <summary>
    /// The first instant at which the overdue scan has something to send for <paramref name="step"/> as it stands (the
    /// next slip, else the escalation notice), or null when closed or nothing more will come.
    /// </summary>
    public static DateTimeOffset? NextSlipAt(OwedStep step, ReminderOptions reminders)
    {
        if (!step.Open) return null;
        var from = CountsFrom(step);
        if (step.SlipsSent < reminders.EscalateAfter)
        {
            // The first slip once past the deadline (strictly), or at once for a step opened past it.
            return step.SlipsSent > 0 ? from + reminders.Interval * step.SlipsSent
                : step.SlipsFrom > step.DueAt ? step.SlipsFrom : step.DueAt.AddTicks(1);
        }

        return step.Escalated ? null : from + reminders.Interval * reminders.EscalateAfter;
    }
}
