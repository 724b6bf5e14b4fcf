using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Procedure;

namespace OpinionBot.Deadlines;

/// <summary>The deadline of a clock that starts at a given moment, measured as <see cref="DeadlineOptions"/> and the working calendar say.</summary>
public sealed class ClockDue(WorkingCalendar calendar, OrganizationClock clock, IOptions<WorkflowOptions> workflow)
{
    private DeadlineOptions Rules => workflow.Value.Deadlines;

    public DateTimeOffset Of(ClockMeasure measure, DateTimeOffset start, CaseLevel level) => measure switch
    {
        ClockMeasure.ReportAfterDiscovery => DeadlineRules.ReportAfterDiscovery(start, level, Rules),
        ClockMeasure.ReviewAfterReport => DeadlineRules.ReviewAfterReport(start, Rules),
        ClockMeasure.FirstResponse => DeadlineRules.FirstResponseAfterPost(start, Rules),
        ClockMeasure.FormalAnswer => DeadlineRules.FormalAnswerAfterPost(start, Rules),
        ClockMeasure.InitialHandlingWorkingDays => calendar.AddWorkingDays(start, Rules.InitialHandlingWorkingDays),
        ClockMeasure.VerificationWorkingHours => DeadlineRules.VerificationAfterApproval(start, Rules, calendar),
        ClockMeasure.ResolveWorkingDays => DeadlineRules.ResolveAfterReport(start, Rules, calendar),
        ClockMeasure.DispatchAcknowledgeWithin => (start + Rules.DispatchAcknowledgeWithin).ToUniversalTime(),
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
    };

    /// <summary>A promised date is kept until the end of that day in the organisation's time zone.</summary>
    public DateTimeOffset EndOf(DateOnly promised) => clock.StartOfLocalDay(promised.AddDays(1));
}
