using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Localization;
using OpinionBot.Procedure;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>
/// Tells people what happened to a case, as the row's <see cref="ProcedureRow.Tells"/> says: the reporter, the drafter
/// of a statement, the unit's officers, or those told by level. Every text gets the same arguments: {0} number,
/// {1} what happened, {2} who, {3} their comment as a sentence, {4} level, {5} title, {6} unit, {7} the comment itself.
/// </summary>
public sealed class CaseNotifier(
    Recipients recipients,
    ProactiveSender sender,
    ICaseStore cases,
    IRosterStore roster,
    OrganizationClock clock,
    BotTexts texts,
    Duty.DutyAudience dutyAudience,
    IOptions<NotifyOptions> options,
    ILogger<CaseNotifier> logger) : ICaseReaction
{
    public int Order => 200;

    public void React(CaseChange change)
    {
        foreach (var notice in change.Row.Tells)
        {
            if (notice.Audience == Procedure.Audience.OnDuty)
            {
                sender.EnqueueAll(dutyAudience.Copies(language => Message(Text(notice.TextKey, change, language), language), ToldByLevel(change.Case)));
                continue;
            }

            foreach (var (to, language) in Audience(notice.Audience, change))
                Send(to, Text(notice.TextKey, change, language), language);
        }
    }

    /// <summary>Nobody who decides a stage can be reached: the timeline records it and the office is told.</summary>
    public void DecidersUnreachable(Case c, ApprovalStage stage, string unitId, IReadOnlyList<string> unreached)
    {
        var who = unreached.Count == 0 ? "—" : string.Join(", ", unreached.Select(recipients.DisplayName));
        var unit = roster.FindUnit(unitId)?.Name ?? unitId;
        cases.Append(new CaseEvent
        {
            CaseNumber = c.Number, At = clock.UtcNow, Kind = CaseEventKind.LeaderUnreachable, ActorKey = "bot", ActorName = "OpinionBot",
            Comment = who, DedupKey = $"unreachable:{c.Number}:{c.Version}:{stage}:{unitId}",
        });
        var key = stage == ApprovalStage.Dispatch ? "notify.dispatchUnreachable" : "notify.unreachable";
        TellOffice(language => texts.Get(language, key, c.Number, who, unit), c.Number);
    }

    /// <summary>A card the outbox gave up on: the timeline records where it went instead, or the office is told nobody can be reached.</summary>
    public void CardUndeliverable(Case c, ApprovalRequest failed, string error, string? reroutedTo)
    {
        var who = string.Join(", ", failed.ApproverKeys.Select(recipients.DisplayName));
        cases.Append(new CaseEvent
        {
            CaseNumber = c.Number, At = clock.UtcNow, Kind = reroutedTo is null ? CaseEventKind.LeaderUnreachable : CaseEventKind.CardRerouted,
            ActorKey = "bot", ActorName = "OpinionBot", Comment = reroutedTo is null ? $"{who}: {error}" : $"{who} → {reroutedTo}",
            DedupKey = $"undeliverable:{failed.Id}",
        });
        if (reroutedTo is null)
            TellOffice(language => texts.Get(language, "notify.undeliverable", c.Number, who), c.Number);
    }

    public void TellOffice(Func<Language, string> text, string caseNumber)
    {
        var office = recipients.Office(clock.DefaultLanguage).ToList();
        if (office.Count == 0)
            logger.LogWarning("Nobody in the office can be told about case {CaseNumber}: no office conversation recorded", caseNumber);
        foreach (var (to, language) in office)
            Send(to, text(language), language);
    }

    private IEnumerable<(ConversationRecord To, Language Language)> Audience(Audience audience, CaseChange change)
    {
        var c = change.Case;
        return audience switch
        {
            Procedure.Audience.Reporter => People([c.ReporterKey], change.Actor),
            Procedure.Audience.Drafter => People(change.Decision.Statement is { } s ? [s.DraftedBy] : [], change.Actor),
            Procedure.Audience.UnitOfficers => People(roster.FindUnit(c.UnitId)?.Officers ?? [], change.Actor),
            _ => LevelWatchers(c),
        };
    }

    /// <summary>The leading-group head when the level is one they are told of: the person on duty needs no second copy then.</summary>
    private IReadOnlyList<string> ToldByLevel(Case c) =>
        options.Value.EffectiveLeadingGroupHeadLevels.Contains(c.Level) && recipients.Roles.LeadingGroupHead is { } head ? [head] : [];

    /// <summary>The office and the leading-group head, each for the levels configured for them.</summary>
    private IEnumerable<(ConversationRecord, Language)> LevelWatchers(Case c)
    {
        var watchers = new List<(ConversationRecord, Language)>();
        if (options.Value.EffectiveOfficeLevels.Contains(c.Level))
            watchers.AddRange(recipients.Office(clock.DefaultLanguage));
        if (options.Value.EffectiveLeadingGroupHeadLevels.Contains(c.Level) && recipients.Roles.LeadingGroupHead is { } head)
            watchers.AddRange(People([head], actor: null));
        return watchers;
    }

    private IEnumerable<(ConversationRecord, Language)> People(IEnumerable<string> people, Actor? actor)
    {
        foreach (var person in people.Where(p => p.Length > 0 && p != actor?.Key).Distinct())
        {
            if (recipients.PersonalChat(person) is { } chat)
                yield return (chat, recipients.LanguageOf(person, clock.DefaultLanguage));
            else
                logger.LogWarning("{Person} cannot be told: the bot has no personal chat with them", person);
        }
    }

    private string Text(string key, CaseChange change, Language language)
    {
        var c = change.Case;
        var comment = change.Outcome.Comment;
        return texts.Get(language, key,
            c.Number, texts.Get(language, $"event.{change.Outcome.Kind}"), change.Actor.Name,
            comment.Length > 0 ? texts.Get(language, "approval.decidedComment", comment) : "",
            texts.Get(language, $"level.{c.Level}"), c.Title, roster.FindUnit(c.UnitId)?.Name ?? c.UnitId, comment);
    }

    private void Send(ConversationRecord to, string text, Language language) => sender.Enqueue(to, Message(text, language));

    private static Activity Message(string text, Language language) => new() { Type = ActivityTypes.Message, Text = text, Locale = language.Tag() };
}
