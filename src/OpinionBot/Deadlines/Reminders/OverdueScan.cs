using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;

namespace OpinionBot.Deadlines.Reminders;

/// <summary>
/// Finds owed steps past their deadline and sends reminder slips (提醒单): slip n once the deadline is n−1 intervals
/// behind, widening from the owner to the supervising and principal leaders; after <c>EscalateAfter</c> slips and one
/// more interval without the step done, an escalation notice (通报) to the office and the leading-group head, and the case
/// is flagged. Each slip and notice is marked in the same transaction that queues it, so nothing goes twice.
/// </summary>
public sealed class OverdueScan(
    IOwedStepStore steps,
    ICaseStore cases,
    IRosterStore roster,
    Recipients recipients,
    ProactiveSender sender,
    OutboxSignal signal,
    IOnceMarkers markers,
    IStoreTransaction transaction,
    ReminderSlipCard slipCard,
    OrganizationClock clock,
    BotTexts texts,
    Duty.DutyAudience dutyAudience,
    IOptions<WorkflowOptions> workflow,
    ILogger<OverdueScan> logger)
{
    public const int BatchSize = 200;

    /// <summary>
    /// One pass over the steps due a slip or notice now (read through the <see cref="OwedStep.NextSlipAt"/> index, so
    /// a pass with nothing new reads nothing); returns how many slips and notices were queued.
    /// </summary>
    public int Run()
    {
        var now = clock.UtcNow;
        var queued = 0;
        foreach (var batch in steps.SlipsDue(now).Chunk(BatchSize))
        {
            // One transaction (one disk flush) per batch rather than per step.
            queued += transaction.Run(() => batch.Sum(id => Remind(id, now)));
        }

        if (queued > 0)
        {
            signal.Notify();
            logger.LogInformation("Overdue scan queued {Count} reminder slips and notices", queued);
        }

        return queued;
    }

    /// <summary>Sends what is due for one step (slips, the escalation notice); call inside a <see cref="IStoreTransaction"/>.</summary>
    public int Remind(string stepId, DateTimeOffset now)
    {
        // The case is locked first (PostgreSQL), then the step read again: a command changing the case's steps at the
        // same moment on another instance is either all before this or all after it.
        if (steps.Find(stepId) is not { } found || cases.FindForUpdate(found.CaseNumber) is not { } c || steps.Find(stepId) is not { Open: true } step)
            return 0;
        return Remind(step, c, now);
    }

    /// <summary>The same for an open step and its case already in hand, read or written in the running transaction.</summary>
    public int Remind(OwedStep step, Case c, DateTimeOffset now)
    {
        var reminders = workflow.Value.Reminders;
        // A step opened already past its deadline (a case reported late) is reminded from its opening, not escalated at once.
        var behind = now - ReminderLadder.CountsFrom(step);
        var slipsDue = Math.Min(reminders.EscalateAfter, 1 + (int)(behind.Ticks / reminders.Interval.Ticks));
        var messages = new List<(ConversationRecord, Activity)>();
        var unit = roster.FindUnit(step.UnitId);

        // After a downtime several counts can fall due at once: each is marked, only the latest is sent.
        var newest = 0;
        for (var slip = step.SlipsSent + 1; slip <= slipsDue; slip++)
        {
            if (markers.TryMark($"slip:{step.Id}:{slip}", now))
                newest = slip;
        }

        if (newest > 0)
        {
            messages.AddRange(SlipMessages(c, step, unit, newest));
            // Duty roster: off hours, whoever is on duty gets the slip as well.
            messages.AddRange(dutyAudience.Copies(language => SlipActivity(c, step, newest, language), SlipAudience.For(step, c, unit, newest)));
            cases.Append(new CaseEvent
            {
                CaseNumber = c.Number, At = now, Kind = CaseEventKind.ReminderSlip, ActorKey = "bot", ActorName = "OpinionBot",
                Comment = $"{newest}: {texts.Get(clock.DefaultLanguage, $"clock.{step.Clock}")}", DedupKey = $"slip:{step.Id}:{newest}",
            });
        }

        var changed = slipsDue > step.SlipsSent;
        step.SlipsSent = Math.Max(step.SlipsSent, slipsDue);
        if (!step.Escalated && behind >= reminders.Interval * reminders.EscalateAfter && markers.TryMark($"escalation:{step.Id}", now))
        {
            step.Escalated = true;
            changed = true;
            cases.MarkEscalatedInTransaction(c.Number);
            cases.Append(new CaseEvent
            {
                CaseNumber = c.Number, At = now, Kind = CaseEventKind.EscalationNotice, ActorKey = "bot", ActorName = "OpinionBot",
                Comment = texts.Get(clock.DefaultLanguage, $"clock.{step.Clock}"), DedupKey = $"escalation:{step.Id}",
            });
            messages.AddRange(EscalationMessages(c, step, unit));
            // Duty roster: off hours, whoever is on duty gets the escalation notice as well.
            messages.AddRange(dutyAudience.Copies(language => EscalationActivity(c, step, unit, language), [recipients.Roles.LeadingGroupHead ?? ""]));
        }

        // When the scan next has something to send for it; a notice found already marked (sent by an earlier pass) is not
        // looked for again.
        var next = ReminderLadder.NextSlipAt(step, reminders);
        if (next <= now) next = null;
        changed |= next != step.NextSlipAt;
        step.NextSlipAt = next;
        if (changed)
            steps.Save(step);
        sender.EnqueueAll(messages);
        return messages.Count;
    }

    private IEnumerable<(ConversationRecord, Activity)> SlipMessages(Case c, OwedStep step, Unit? unit, int slip)
    {
        var people = SlipAudience.For(step, c, unit, slip);
        var reached = 0;
        foreach (var person in people)
        {
            if (recipients.PersonalChat(person) is not { } chat) continue;
            reached++;
            yield return (chat, SlipActivity(c, step, slip, recipients.LanguageOf(person, clock.DefaultLanguage)));
        }

        if (reached == 0)
        {
            logger.LogWarning("Reminder slip {Slip} of case {CaseNumber} reaches nobody ({People}); the office gets it", slip, c.Number, string.Join(", ", people));
            foreach (var (office, language) in recipients.Office(clock.DefaultLanguage))
                yield return (office, SlipActivity(c, step, slip, language));
        }
    }

    private Activity SlipActivity(Case c, OwedStep step, int slip, Language language) =>
        Card(slipCard.Build(c, step, slip, language), texts.Get(language, "slip.title", slip, c.Number), language);

    private IEnumerable<(ConversationRecord, Activity)> EscalationMessages(Case c, OwedStep step, Unit? unit)
    {
        var targets = recipients.Office(clock.DefaultLanguage).ToList();
        if (recipients.Roles.LeadingGroupHead is { } head && recipients.PersonalChat(head) is { } chat)
            targets.Add((chat, recipients.LanguageOf(head, clock.DefaultLanguage)));
        foreach (var (to, language) in targets)
            yield return (to, EscalationActivity(c, step, unit, language));
    }

    private Activity EscalationActivity(Case c, OwedStep step, Unit? unit, Language language)
    {
        var text = texts.Get(language, "escalation.notice", c.Number, c.Title, unit?.Name ?? c.UnitId,
            texts.Get(language, $"clock.{step.Clock}"), slipCard.Duration(clock.UtcNow - step.DueAt, language), workflow.Value.Reminders.EscalateAfter);
        return new Activity { Type = ActivityTypes.Message, Text = text, Locale = language.Tag() };
    }

    private static Activity Card(Cards.AdaptiveCard card, string summary, Language language)
    {
        var activity = card.ToActivity(summary);
        activity.Locale = language.Tag();
        return activity;
    }
}
