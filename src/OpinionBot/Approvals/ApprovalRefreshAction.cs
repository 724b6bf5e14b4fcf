using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Delivery;

namespace OpinionBot.Approvals;

/// <summary>
/// <c>refresh</c> of an approval card (Universal Actions): buttons for whoever may decide the stage now, a read-only card
/// for everyone else, and the decided card once the case has moved on.
/// </summary>
public sealed class ApprovalRefreshAction(CaseStore cases, ApprovalCard cards, ApprovalRouter router, ApprovalFlow flow, Recipients recipients) : ICardAction
{
    public string Verb => ApprovalVerbs.Refresh;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (ApprovalCardData.From(context.Action.Data) is not { } data || cases.Find(data.CaseNumber) is not { } current)
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "StaleCard", context.Text("intake.error.staleCard")));

        var approvers = router.Approvers(current, data.Stage);
        var refreshIds = approvers.Select(recipients.TeamsUserId).OfType<string>().ToList();
        var card = current.Version != data.Version
            ? cards.Decided(current, data.Stage, data.Language, flow.LastDecision(current.Number))
            : approvers.Contains(context.Actor.Key) || IsOffice(context, data)
                ? cards.Actionable(current, data.Stage, data.Language, refreshIds)
                : cards.ReadOnly(current, data.Stage, data.Language, refreshIds, string.Join(", ", approvers.Select(recipients.DisplayName)));
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.ToJson()));
    }

    private static bool IsOffice(CardActionContext context, ApprovalCardData data) => data.Stage == ApprovalStage.Publish && context.Actor.IsOffice;
}
