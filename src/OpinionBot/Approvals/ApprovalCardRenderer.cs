using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Localization;

namespace OpinionBot.Approvals;

/// <summary>
/// Renders a personal approval card when the outbox sends it, from the request and the case as they are then: with
/// buttons while the request is open, its decided face once it is closed. A leader's chat may hold hundreds of cards
/// waiting for Teams' pace; none is rendered before it can go, and none shows a state that has passed.
/// </summary>
public sealed class ApprovalCardRenderer(IApprovalStore requests, ICaseStore cases, ApprovalCard cards, ApprovalRouter router, OrganizationClock clock) : IOutboxRenderer
{
    public bool Renders(OutboxMessage message) => ApprovalStore.RequestIdOf(message) is not null;

    public Activity? Render(OutboxMessage message, out string why)
    {
        var request = requests.FindSentBy(message);
        var c = request is null ? null : cases.Find(request.CaseNumber);
        if (request is null || c is null)
        {
            why = request is null ? $"its approval request ({message.CorrelationKey}) is gone" : $"its case ({request.CaseNumber}) is gone";
            return null;
        }

        var language = LanguageTags.FromLocale(request.Language) ?? clock.DefaultLanguage;
        var card = request.Closed
            ? cards.Decided(c, request, language)
            : cards.Actionable(c, request, language, router.RefreshIds(router.Deciders(c, request.Stage, request.UnitId)));
        var activity = card.ToActivity(cards.Title(c, request, language));
        activity.Locale = language.Tag();
        why = "";
        return activity;
    }
}
