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
/// Sends a stage's card to whoever decides it (<see cref="ProcedureTable.Stages"/>): their personal chat when the bot
/// has one, else the stage's shared conversation with an @mention; when neither exists the office is told, so no case
/// is silently stuck. Everything is queued in the outbox inside the caller's transaction.
/// </summary>
public sealed class ApprovalRouter(
    IApprovalStore requests,
    ApprovalCard cards,
    Recipients recipients,
    IRosterStore roster,
    ProactiveSender sender,
    CaseNotifier notifier,
    OrganizationClock clock,
    ILogger<ApprovalRouter> logger)
{
    public void Route(Case c, ApprovalStage stage, string unitId, int? statementId = null)
    {
        var deciders = Deciders(c, stage, unitId);
        var request = NewRequest(c, stage, unitId, statementId);
        var unreached = new List<string>();

        if (ProcedureTable.Stages[stage].FallsBackTo == SharedChat.OfficeConversation && recipients.Conversation(recipients.Roles.OfficeConversationId) is { } office)
        {
            SendToShared(c, request, office, deciders, [], RefreshIds(deciders));
        }
        else
        {
            foreach (var decider in deciders)
            {
                if (recipients.PersonalChat(decider) is { } chat)
                    SendPersonal(request, chat, decider);
                else
                    unreached.Add(decider);
            }

            if (unreached.Count > 0 && SharedChatOf(stage, unitId) is { } shared)
            {
                SendToShared(c, request, shared, unreached, unreached, RefreshIds(deciders));
                unreached.Clear();
            }
        }

        if (deciders.Count == 0 || unreached.Count > 0)
            notifier.DecidersUnreachable(c, stage, unitId, deciders.Count == 0 ? [] : unreached);
    }

    /// <summary>
    /// A card the outbox could not deliver goes one step further: a personal chat to the stage's shared conversation,
    /// a shared one to the office. Returns where it went, or null when nowhere is left (the office is then told).
    /// </summary>
    public string? Reroute(Case c, ApprovalRequest failed)
    {
        var refreshIds = RefreshIds(failed.ApproverKeys);
        var request = NewRequest(c, failed.Stage, failed.UnitId, failed.StatementId);
        if (!failed.Shared && SharedChatOf(failed.Stage, failed.UnitId) is { } shared && shared.BaseId != failed.ConversationId)
        {
            SendToShared(c, request, shared, failed.ApproverKeys, failed.ApproverKeys, refreshIds);
            return shared.Name ?? shared.BaseId;
        }

        if (recipients.Conversation(recipients.Roles.OfficeConversationId) is { } office && office.BaseId != failed.ConversationId)
        {
            SendToShared(c, request, office, failed.ApproverKeys, failed.ApproverKeys, refreshIds);
            return office.Name ?? office.BaseId;
        }

        return null;
    }

    public IReadOnlyList<string> Deciders(Case c, ApprovalStage stage, string unitId)
    {
        var unit = roster.FindUnit(stage == ApprovalStage.Dispatch ? unitId : c.UnitId);
        return ProcedureTable.Stages[stage].DecidedBy switch
        {
            CaseRole.Supervisor => unit?.SupervisingLeaders ?? [],
            CaseRole.Principal => unit?.PrincipalLeaders ?? [],
            CaseRole.DispatchedOfficer => unit?.Officers ?? [],
            _ => recipients.Roles.OfficeMembers,
        };
    }

    public IReadOnlyList<string> RefreshIds(IEnumerable<string> deciders) => deciders.Select(recipients.TeamsUserId).OfType<string>().ToList();

    private ConversationRecord? SharedChatOf(ApprovalStage stage, string unitId) =>
        ProcedureTable.Stages[stage].FallsBackTo == SharedChat.UnitApprovalChat
            ? recipients.Conversation(roster.FindUnit(unitId)?.ApprovalConversationId)
            : null;

    private ApprovalRequest NewRequest(Case c, ApprovalStage stage, string unitId, int? statementId) => new()
    {
        CaseNumber = c.Number, Stage = stage, UnitId = unitId, StatementId = statementId, SentAt = clock.UtcNow,
    };

    /// <summary>A personal card is rendered when the outbox sends it (<see cref="ApprovalCardRenderer"/>): fresh however long the chat's queue.</summary>
    private void SendPersonal(ApprovalRequest template, ConversationRecord chat, string decider)
    {
        var request = Copy(template);
        request.Language = recipients.LanguageOf(decider, clock.DefaultLanguage).Tag();
        Record(request, chat, [decider], shared: false, sender.EnqueueRendered(chat, ApprovalStore.CorrelationKey(request.Id)));
    }

    private void SendToShared(Case c, ApprovalRequest template, ConversationRecord conversation, IReadOnlyList<string> deciders,
        IReadOnlyList<string> mentioned, IReadOnlyList<string> refreshIds)
    {
        var request = Copy(template);
        var language = LanguageTags.FromLocale(conversation.Locale) ?? clock.DefaultLanguage;
        request.Language = language.Tag();
        // Where the bot knows who may act, others get a read-only card and those people get buttons by refresh.
        var card = refreshIds.Count > 0
            ? cards.ReadOnly(c, request, language, refreshIds, string.Join(", ", deciders.Select(recipients.DisplayName)))
            : cards.Actionable(c, request, language, refreshIds);

        // The @mention lives in the card (msteams.entities) so the message is one card that can be updated in place.
        var mentions = mentioned.Select(recipients.Mention).OfType<(Entity Entity, string Text)>().ToList();
        var names = mentioned.Select(m => recipients.Mention(m)?.Text ?? recipients.DisplayName(m));
        if (mentioned.Count > 0)
            card.Prepend(Cards.CardElements.Text(cards.MentionLine(request.Stage, string.Join(" ", names), language)));
        if (mentions.Count > 0)
            card.With("msteams", new System.Text.Json.Nodes.JsonObject
            {
                ["entities"] = new System.Text.Json.Nodes.JsonArray(mentions.Select(m => (System.Text.Json.Nodes.JsonNode)System.Text.Json.JsonSerializer.SerializeToNode(m.Entity, BotJson.Options)!).ToArray()),
            });

        var activity = card.ToActivity(cards.Title(c, request, language));
        activity.Locale = language.Tag();
        Record(request, conversation, deciders, shared: true, sender.Enqueue(conversation, activity, ApprovalStore.CorrelationKey(request.Id)));
    }

    /// <summary>Records the request whose card is queued; the card's activity id reaches it when the outbox delivers it.</summary>
    private void Record(ApprovalRequest request, ConversationRecord to, IReadOnlyList<string> deciders, bool shared, long outboxMessageId)
    {
        request.ServiceUrl = to.ServiceUrl;
        request.ConversationId = to.BaseId;
        request.Shared = shared;
        request.ApproverKeys = deciders.ToList();
        request.OutboxMessageId = outboxMessageId;
        requests.Add(request);
        logger.LogDebug("Queued the {Stage} card of case {CaseNumber} for {ConversationId}", request.Stage, request.CaseNumber, to.BaseId);
    }

    private static ApprovalRequest Copy(ApprovalRequest template) => new()
    {
        CaseNumber = template.CaseNumber, Stage = template.Stage, UnitId = template.UnitId, StatementId = template.StatementId, SentAt = template.SentAt,
    };
}
