using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>
/// Sends an approval card to whoever decides the case's current stage: their personal chat when the bot has one,
/// else the unit's approval conversation with an @mention; when neither exists the office is told, so no case is
/// silently stuck. Once decided, every card of the case is updated in place.
/// </summary>
public sealed class ApprovalRouter(
    ApprovalStore requests,
    ApprovalCard cards,
    Recipients recipients,
    RosterStore roster,
    ProactiveSender sender,
    CaseNotifier notifier,
    OrganizationClock clock,
    BotTexts texts,
    ILogger<ApprovalRouter> logger)
{
    public async Task RouteAsync(Case c, ApprovalStage stage, CancellationToken cancellationToken)
    {
        var approvers = Approvers(c, stage);
        var refreshIds = approvers.Select(recipients.TeamsUserId).OfType<string>().ToList();
        var unreached = new List<string>();

        if (stage == ApprovalStage.Publish && recipients.Conversation(recipients.Roles.OfficeConversationId) is { } office)
        {
            if (!await SendToSharedAsync(c, stage, office, approvers, [], refreshIds, cancellationToken))
                unreached.AddRange(approvers);
        }
        else
        {
            foreach (var approver in approvers)
            {
                if (recipients.PersonalChat(approver) is not { } chat || !await SendAsync(c, stage, chat, [approver], refreshIds, Personal(c, stage, approver, refreshIds), cancellationToken))
                    unreached.Add(approver);
            }

            var shared = stage == ApprovalStage.Publish ? null : recipients.Conversation(roster.FindUnit(c.UnitId)?.ApprovalConversationId);
            if (unreached.Count > 0 && shared is not null && await SendToSharedAsync(c, stage, shared, unreached, unreached, refreshIds, cancellationToken))
                unreached.Clear();
        }

        if (approvers.Count == 0 || unreached.Count > 0)
            await notifier.ApproverUnreachableAsync(c, stage, approvers.Count == 0 ? [] : unreached, cancellationToken);
    }

    /// <summary>Turns every open card of the case into its decided face, in place.</summary>
    public async Task CloseAsync(Case c, CaseEvent outcome, CancellationToken cancellationToken)
    {
        foreach (var request in requests.Open(c.Number))
        {
            requests.Close(request);
            if (request.ActivityId is null && request.OutboxMessageId is null) continue;
            var language = LanguageTags.FromLocale(request.Language) ?? clock.DefaultLanguage;
            var card = cards.Decided(c, request.Stage, language, outcome);
            // The outbox keeps the conversation's order, so an update of a card still being sent follows the send.
            sender.EnqueueUpdate(request.ServiceUrl, request.ConversationId, request.ActivityId, request.OutboxMessageId, card.ToActivity());
        }
    }

    public IReadOnlyList<string> Approvers(Case c, ApprovalStage stage)
    {
        var unit = roster.FindUnit(c.UnitId);
        return stage switch
        {
            ApprovalStage.CaseReview => unit?.SupervisingLeaders ?? [],
            ApprovalStage.PrincipalReview => unit?.PrincipalLeaders ?? [],
            ApprovalStage.ResponseReview when c.Response?.Stage == ResponseStage.PrincipalReview => unit?.PrincipalLeaders ?? [],
            ApprovalStage.ResponseReview => unit?.SupervisingLeaders ?? [],
            _ => recipients.Roles.OfficeMembers,
        };
    }

    private Activity Personal(Case c, ApprovalStage stage, string approver, IReadOnlyList<string> refreshIds)
    {
        var language = recipients.LanguageOf(approver, clock.DefaultLanguage);
        var activity = cards.Actionable(c, stage, language, refreshIds).ToActivity(texts.Get(language, $"approval.title.{stage}", c.Number));
        activity.Locale = language.Tag();
        return activity;
    }

    private async Task<bool> SendToSharedAsync(Case c, ApprovalStage stage, ConversationRecord conversation, IReadOnlyList<string> approvers,
        IReadOnlyList<string> mentioned, IReadOnlyList<string> refreshIds, CancellationToken cancellationToken)
    {
        var language = LanguageTags.FromLocale(conversation.Locale) ?? clock.DefaultLanguage;
        // Where the bot knows who may act, others get a read-only card and those people get buttons by refresh.
        var card = refreshIds.Count > 0
            ? cards.ReadOnly(c, stage, language, refreshIds, string.Join(", ", approvers.Select(recipients.DisplayName)))
            : cards.Actionable(c, stage, language, refreshIds);

        // The @mention lives in the card (msteams.entities) so the message is one card that can be updated in place.
        var mentions = mentioned.Select(recipients.Mention).OfType<(Entity Entity, string Text)>().ToList();
        var names = mentioned.Select(m => recipients.Mention(m)?.Text ?? recipients.DisplayName(m));
        card.Prepend(Cards.CardElements.Text(texts.Get(language, "approval.mention", string.Join(" ", names))));
        if (mentions.Count > 0)
            card.With("msteams", new System.Text.Json.Nodes.JsonObject
            {
                ["entities"] = new System.Text.Json.Nodes.JsonArray(mentions.Select(m => (System.Text.Json.Nodes.JsonNode)System.Text.Json.JsonSerializer.SerializeToNode(m.Entity, BotJson.Options)!).ToArray()),
            });

        var activity = card.ToActivity(texts.Get(language, $"approval.title.{stage}", c.Number));
        activity.Locale = language.Tag();
        return await SendAsync(c, stage, conversation, approvers, refreshIds, activity, cancellationToken);
    }

    /// <summary>
    /// Queues the card; the conversation is known, so it counts as reached (the outbox retries, and logs a card it
    /// has to give up on). The card's activity id reaches the request when the outbox delivers it.
    /// </summary>
    private Task<bool> SendAsync(Case c, ApprovalStage stage, ConversationRecord to, IReadOnlyList<string> approvers,
        IReadOnlyList<string> refreshIds, Activity activity, CancellationToken cancellationToken)
    {
        var request = new ApprovalRequest
        {
            CaseNumber = c.Number, Stage = stage, CaseVersion = c.Version, ServiceUrl = to.ServiceUrl, ConversationId = to.BaseId,
            Language = activity.Locale ?? to.Locale ?? clock.DefaultLanguage.Tag(),
            ApproverKeys = approvers.ToList(), SentAt = clock.UtcNow,
        };
        request.OutboxMessageId = sender.Enqueue(to, activity, ApprovalStore.CorrelationKey(request.Id));
        requests.Add(request);
        logger.LogDebug("Queued the {Stage} card of case {CaseNumber} for {ConversationId}", stage, c.Number, to.BaseId);
        return Task.FromResult(true);
    }
}
