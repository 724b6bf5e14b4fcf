using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>Tells people what happened to a case: the officer after each decision, the office and leading-group head about serious cases and about cards nobody could receive.</summary>
public sealed class CaseNotifier(
    Recipients recipients,
    ProactiveSender sender,
    CaseStore cases,
    RosterStore roster,
    OrganizationClock clock,
    BotTexts texts,
    Duty.DutyAudience dutyAudience,
    IOptions<ApprovalOptions> options,
    ILogger<CaseNotifier> logger)
{
    /// <summary>The reporter hears of a decision (with the leader's question, when one was asked).</summary>
    public Task TellReporterAsync(Case c, CaseEvent outcome, CancellationToken cancellationToken)
    {
        var language = recipients.LanguageOf(c.ReporterKey, clock.DefaultLanguage);
        var text = outcome.Kind == CaseEventKind.InfoRequested
            ? texts.Get(language, "notify.question", c.Number, outcome.ActorName, outcome.Comment)
            : texts.Get(language, "notify.decided", c.Number, texts.Get(language, $"event.{outcome.Kind}"), outcome.ActorName,
                outcome.Comment.Length > 0 ? texts.Get(language, "approval.decidedComment", outcome.Comment) : "");
        return SendAsync(recipients.PersonalChat(c.ReporterKey), text, language, c.Number, cancellationToken);
    }

    /// <summary>At report (or escalation) time: the office for the configured levels, the leading-group head for level I.</summary>
    public async Task AnnounceAsync(Case c, CancellationToken cancellationToken)
    {
        var roles = recipients.Roles;
        var unit = roster.FindUnit(c.UnitId)?.Name ?? c.UnitId;
        if (options.Value.EffectiveOfficeLevels.Contains(c.Level))
            await TellOfficeAsync(language => texts.Get(language, "notify.newCase", c.Number, texts.Get(language, $"level.{c.Level}"), c.Title, unit), c.Number, cancellationToken);
        if (options.Value.EffectiveLeadingGroupHeadLevels.Contains(c.Level) && roles.LeadingGroupHead is { } head)
        {
            var language = recipients.LanguageOf(head, clock.DefaultLanguage);
            await SendAsync(recipients.PersonalChat(head), texts.Get(language, "notify.newCase", c.Number, texts.Get(language, $"level.{c.Level}"), c.Title, unit), language, c.Number, cancellationToken);
        }

        // Duty roster: off hours, whoever is on duty hears of every new report (any level) as well.
        sender.EnqueueAll(dutyAudience.Copies(language => new Activity
        {
            Type = ActivityTypes.Message, Text = texts.Get(language, "notify.newCase", c.Number, texts.Get(language, $"level.{c.Level}"), c.Title, unit),
        }, alreadyTold: options.Value.EffectiveLeadingGroupHeadLevels.Contains(c.Level) && roles.LeadingGroupHead is { } told ? [told] : []));
    }

    public async Task ApproverUnreachableAsync(Case c, ApprovalStage stage, IReadOnlyList<string> unreached, CancellationToken cancellationToken)
    {
        var who = unreached.Count == 0 ? "—" : string.Join(", ", unreached.Select(recipients.DisplayName));
        var unit = roster.FindUnit(c.UnitId)?.Name ?? c.UnitId;
        cases.Append(new CaseEvent
        {
            CaseNumber = c.Number, At = clock.UtcNow, Kind = CaseEventKind.LeaderUnreachable, ActorKey = "bot", ActorName = "OpinionBot",
            Comment = who, DedupKey = $"unreachable:{c.Number}:{c.Version}:{stage}",
        });
        await TellOfficeAsync(language => texts.Get(language, "notify.unreachable", c.Number, who, unit), c.Number, cancellationToken);
    }

    public Task TellOfficeAsync(Func<Language, string> text, string caseNumber, CancellationToken cancellationToken)
    {
        var office = recipients.Office(clock.DefaultLanguage).ToList();
        if (office.Count == 0)
            logger.LogWarning("Nobody in the office can be told about case {CaseNumber}: no office conversation recorded", caseNumber);
        return Task.WhenAll(office.Select(o => SendAsync(o.To, text(o.Language), o.Language, caseNumber, cancellationToken)));
    }

    /// <summary>Queues the message in the outbox (which retries, and logs what it has to give up on).</summary>
    private Task SendAsync(ConversationRecord? to, string text, Language language, string caseNumber, CancellationToken cancellationToken)
    {
        if (to is null)
        {
            logger.LogWarning("Nobody to tell about case {CaseNumber}: no conversation recorded. Message: {Text}", caseNumber, text);
            return Task.CompletedTask;
        }

        sender.Enqueue(to, new Activity { Type = ActivityTypes.Message, Text = text, Locale = language.Tag() });
        return Task.CompletedTask;
    }
}
