using OpinionBot.Cases;

namespace OpinionBot.Deadlines;

/// <summary>
/// The clocks of DESIGN.md §2 (办理时限): each method takes the moment the clock starts and returns its deadline in UTC.
/// Wall-clock deadlines ignore the calendar (holidays included); working-time ones use <see cref="WorkingCalendar"/>.
/// </summary>
public static class DeadlineRules
{
    /// <summary>Report after discovery, wall clock: <c>ReportAfterDiscoveryMajor</c> for levels I–II, else <c>ReportAfterDiscovery</c>.</summary>
    public static DateTimeOffset ReportAfterDiscovery(DateTimeOffset discoveredAt, CaseLevel level, DeadlineOptions options) =>
        Utc(discoveredAt + (level is CaseLevel.I or CaseLevel.II ? options.ReportAfterDiscoveryMajor : options.ReportAfterDiscovery));

    /// <summary>Leader review after report, wall clock.</summary>
    public static DateTimeOffset ReviewAfterReport(DateTimeOffset reportedAt, DeadlineOptions options) =>
        Utc(reportedAt + options.ReviewAfterReport);

    /// <summary>First public response after the netizen's post (or the report, as configured), wall clock, holidays included.</summary>
    public static DateTimeOffset FirstResponseAfterPost(DateTimeOffset postedAt, DeadlineOptions options) =>
        Utc(postedAt + options.FirstResponseAfterReport);

    /// <summary>Verification result after approval: <c>VerificationWorkingHours</c> of working time (half a day by default).</summary>
    public static DateTimeOffset VerificationAfterApproval(DateTimeOffset approvedAt, DeadlineOptions options, WorkingCalendar calendar) =>
        calendar.AddWorkingHours(approvedAt, options.VerificationWorkingHours);

    /// <summary>Formal answer after the netizen's post (or the report, as configured), wall clock.</summary>
    public static DateTimeOffset FormalAnswerAfterPost(DateTimeOffset postedAt, DeadlineOptions options) =>
        Utc(postedAt + options.FormalAnswerAfterReport);

    /// <summary>Resolution (or an answer that explains and promises a date): <c>ResolveWorkingDays</c> working days after report.</summary>
    public static DateTimeOffset ResolveAfterReport(DateTimeOffset reportedAt, DeadlineOptions options, WorkingCalendar calendar) =>
        calendar.AddWorkingDays(reportedAt, options.ResolveWorkingDays);

    private static DateTimeOffset Utc(DateTimeOffset instant) => instant.ToUniversalTime();
}
