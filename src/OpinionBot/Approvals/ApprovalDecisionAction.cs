using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Cases.Lifecycle;
using OpinionBot.Configuration;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>
/// A button on an approval card. One decision wins: the lifecycle runs inside the store's transaction, so of two
/// simultaneous presses the second finds the case changed and gets the outcome. Wrong role → an error for that user;
/// fixable input → the card again with the message; stale card → the current card with a note.
/// </summary>
public sealed class ApprovalDecisionAction(
    string verb,
    CaseAction action,
    CaseStore cases,
    RosterStore roster,
    ApprovalCard cards,
    ApprovalFlow flow,
    ApprovalRouter router,
    Delivery.Recipients recipients,
    RefusalText refusals,
    OrganizationClock clock) : ICardAction
{
    public const int MaxCommentLength = 1000;

    public string Verb => verb;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (ApprovalCardData.From(context.Action.Data) is not { } data || cases.Find(data.CaseNumber) is not { } current)
            return AdaptiveCardInvokeResponse.Error(400, "StaleCard", context.Text("intake.error.staleCard"));

        var language = data.Language;
        if (current.Version != data.Version)
            return Stale(current, data, context.Text("approval.staleNote"));

        if (data.Comment.Length > MaxCommentLength)
        {
            var tooLong = context.Text("intake.error.tooLong", context.Text("approval.comment"), MaxCommentLength);
            var ids = router.Approvers(current, data.Stage).Select(recipients.TeamsUserId).OfType<string>().ToList();
            return AdaptiveCardInvokeResponse.Card(cards.Actionable(current, data.Stage, language, ids, data with { Comment = data.Comment[..MaxCommentLength] }, tooLong).ToJson());
        }

        var level = Enum.TryParse<CaseLevel>(data.NewLevel, out var parsed) && Enum.IsDefined(parsed) ? parsed : (CaseLevel?)null;
        var command = new CaseCommand(action, data.Comment, level, data.NewUnit.Length > 0 ? data.NewUnit : null);
        var change = cases.Apply(data.CaseNumber, context.Actor, command, data.Version, clock.UtcNow,
            $"invoke:{context.Turn.Activity.Id ?? Guid.NewGuid().ToString("N")}", roster.AllUnits().Select(u => u.Id).ToList());

        if (change.Stale)
            return Stale(change.Case!, data, context.Text("approval.staleNote"));
        if (!change.Decision.Allowed)
        {
            var message = refusals.For(change.Decision, language);
            if (!RefusalText.IsInputProblem(change.Decision))
                return AdaptiveCardInvokeResponse.Error(400, "NotAllowed", message);
            var refreshIds = router.Approvers(current, data.Stage).Select(recipients.TeamsUserId).OfType<string>().ToList();
            return AdaptiveCardInvokeResponse.Card(cards.Actionable(current, data.Stage, language, refreshIds, data, message).ToJson());
        }

        var outcome = flow.LastDecision(data.CaseNumber);
        await flow.AfterChangeAsync(change.Case!, outcome, cancellationToken);
        return AdaptiveCardInvokeResponse.Card(cards.Decided(change.Case!, data.Stage, language, outcome).ToJson());
    }

    private AdaptiveCardInvokeResponse Stale(Case current, ApprovalCardData data, string note) =>
        AdaptiveCardInvokeResponse.Card(cards.Decided(current, data.Stage, data.Language, flow.LastDecision(current.Number), note).ToJson());
}
