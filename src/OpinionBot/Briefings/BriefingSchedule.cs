using Microsoft.Extensions.Options;
using OpinionBot.Configuration;
using OpinionBot.Scheduling;
using Quartz;

namespace OpinionBot.Briefings;

/// <summary>When the briefings are due (the <c>Schedule</c> crons in the organisation's zone) and which period a firing covers.</summary>
public sealed class BriefingSchedule(IOptions<ScheduleOptions> options, OrganizationClock clock)
{
    public string Cron(BriefingKind kind) => kind == BriefingKind.Daily ? options.Value.DailyBriefing : options.Value.WeeklySummary;

    /// <summary>The last time <paramref name="kind"/> was due at or before <paramref name="now"/>, looking back at most eight days.</summary>
    public DateTimeOffset? LastDue(BriefingKind kind, DateTimeOffset now)
    {
        var cron = new CronExpression(Cron(kind), clock.TimeZone);
        DateTimeOffset? last = null;
        for (var next = cron.GetNextValidTimeAfter(now.AddDays(-8)); next is { } at && at <= now; next = cron.GetNextValidTimeAfter(at))
            last = at;
        return last;
    }

    /// <summary>The period a firing at <paramref name="firedAt"/> reports on: the previous local day, or the previous Monday-to-Sunday week.</summary>
    public DateOnly PeriodOf(BriefingKind kind, DateTimeOffset firedAt)
    {
        var localDay = DateOnly.FromDateTime(clock.ToLocal(firedAt).DateTime);
        return kind == BriefingKind.Daily ? localDay.AddDays(-1) : BriefingAggregator.MondayOf(localDay).AddDays(-7);
    }

    public bool Send(BriefingSender sender, BriefingKind kind, DateOnly period, bool late) =>
        kind == BriefingKind.Daily ? sender.SendDaily(period, late) : sender.SendWeekly(period, late);
}
