using System.Globalization;
using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Deadlines;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;

namespace OpinionBot.DailyReports;

/// <summary>
/// The daily-report schedule (每日报告): before the deadline, officers of units that have not reported get a reminder with a
/// one-tap zero report; at the deadline the missed units are recorded and listed to the office. Working days only,
/// unless <c>Schedule:DailyReportEveryDay</c>. Each reminder and list is marked with the messages it queues: sent once.
/// </summary>
public sealed class DailyReportSchedule(
    IDailyReportStore reports,
    IRosterStore roster,
    Recipients recipients,
    ProactiveSender sender,
    OutboxSignal signal,
    IOnceMarkers markers,
    IStoreTransaction transaction,
    WorkingCalendar calendar,
    ZeroReportReminderCard reminderCard,
    OrganizationClock clock,
    BotTexts texts,
    IOptions<ScheduleOptions> schedule,
    ILogger<DailyReportSchedule> logger)
{
    public int RemindUnreported()
    {
        if (Today() is not { } day) return 0;
        var deadline = NextDeadlineText();
        var queued = transaction.Run(() =>
        {
            var messages = new List<(ConversationRecord, Activity)>();
            foreach (var unit in roster.AllUnits().Where(u => !reports.HasReported(u.Id, day)))
            {
                var reminders = unit.Officers
                    .Select(officer => (Officer: officer, Chat: recipients.PersonalChat(officer)))
                    .Where(o => o.Chat is not null)
                    .Select(o => (o.Chat!, Reminder(unit, day, deadline, recipients.LanguageOf(o.Officer, clock.DefaultLanguage))))
                    .ToList();
                // A unit none of whose officers the bot can reach is not marked: a later fire may reach them.
                if (reminders.Count > 0 && markers.TryMark($"zero-reminder:{day:yyyy-MM-dd}:{unit.Id}", clock.UtcNow))
                    messages.AddRange(reminders);
            }

            sender.EnqueueAll(messages);
            return messages.Count;
        });
        signal.Notify();
        logger.LogInformation("Daily-report reminder: {Count} reminders queued", queued);
        return queued;
    }

    private Activity Reminder(Unit unit, DateOnly day, string deadline, Language language)
    {
        var activity = reminderCard.Build(unit, day, deadline, language).ToActivity(texts.Get(language, "zeroReminder.title"));
        activity.Locale = language.Tag();
        return activity;
    }

    public int RecordMissed()
    {
        if (Today() is not { } day) return 0;
        var now = clock.UtcNow;
        var queued = transaction.Run(() =>
        {
            var missed = roster.AllUnits().Where(u => !reports.HasReported(u.Id, day) && reports.RecordMissed(u.Id, day, now)).ToList();
            if (missed.Count == 0 || !markers.TryMark($"zero-deadline:{day:yyyy-MM-dd}", now)) return 0;

            var messages = new List<(ConversationRecord, Activity)>();
            foreach (var (to, language) in recipients.Office(clock.DefaultLanguage))
            {
                var text = texts.Get(language, "zeroDeadline.missed", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    string.Join(language == Language.ZhCn ? "、" : ", ", missed.Select(u => u.Name)));
                messages.Add((to, new Activity { Type = ActivityTypes.Message, Text = text, Locale = language.Tag() }));
            }

            sender.EnqueueAll(messages);
            return messages.Count;
        });
        signal.Notify();
        return queued;
    }

    private DateOnly? Today()
    {
        var day = DateOnly.FromDateTime(clock.LocalNow.DateTime);
        return schedule.Value.DailyReportEveryDay || calendar.IsWorkingDay(day) ? day : null;
    }

    private string NextDeadlineText() =>
        Quartz.CronExpression.TryParse(schedule.Value.ZeroReportDeadline, out var cron) && cron is not null
            && cron.WithTimeZone(clock.TimeZone).GetNextValidTimeAfter(clock.UtcNow) is { } next
            ? clock.ToLocal(next).ToString("HH:mm", CultureInfo.InvariantCulture)
            : "—";

}
