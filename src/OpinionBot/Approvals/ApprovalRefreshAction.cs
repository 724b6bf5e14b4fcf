using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Procedure;

namespace OpinionBot.Approvals;

/// <summary>
/// <c>refresh</c> of an approval card (Universal Actions): buttons for whoever may decide it now, a read-only card for
/// everyone else, and the decided card once its request is closed.
/// </summary>
public sealed class ApprovalRefreshAction(ICaseStore cases, IApprovalStore requests, ApprovalCard cards, ApprovalRouter router, Delivery.Recipients recipients) : ICardAction
{
    public const string Verb = "approval.refresh";

    string ICardAction.Verb => Verb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (ApprovalCardData.From(context.Action.Data) is not { } data
            || requests.Find(data.Request) is not { } request || request.CaseNumber != data.CaseNumber
            || cases.Find(data.CaseNumber) is not { } current)
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "StaleCard", context.Text("intake.error.staleCard")));

        var deciders = router.Deciders(current, request.Stage, request.UnitId);
        var refreshIds = router.RefreshIds(deciders);
        var card = request.Closed
            ? cards.Decided(current, request, data.Language)
            : deciders.Contains(context.Actor.Key) || (request.Stage == ApprovalStage.Publish && context.Actor.IsOffice)
                ? cards.Actionable(current, request, data.Language, refreshIds)
                : cards.ReadOnly(current, request, data.Language, refreshIds, string.Join(", ", deciders.Select(recipients.DisplayName)));
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.ToJson()));
    }
}
