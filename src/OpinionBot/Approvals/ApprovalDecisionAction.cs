using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Procedure;

namespace OpinionBot.Approvals;

/// <summary>A button's verb and the action it asks for; null for the level button, which raises or lowers by the level chosen.</summary>
public sealed record ApprovalButton(string Verb, CaseAction? Action);

/// <summary>
/// A button on an approval card. One decision wins: the procedure runs inside the store's transaction and closes the
/// card's request, so of two simultaneous presses the second finds it closed and gets the outcome. Wrong role → an error
/// for that user; fixable input → the card again with the message; a card already decided → its decided face with a note.
/// </summary>
public sealed class ApprovalDecisionAction(
    ApprovalButton button,
    ICaseStore cases,
    IApprovalStore requests,
    ApprovalCard cards,
    ApprovalRouter router,
    CaseProcedure procedure,
    RefusalText refusals) : ICardAction
{
    public const int MaxCommentLength = 1000;

    public string Verb => button.Verb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(context));

    private AdaptiveCardInvokeResponse Handle(CardActionContext context)
    {
        if (ApprovalCardData.From(context.Action.Data) is not { } data
            || requests.Find(data.Request) is not { } request || request.CaseNumber != data.CaseNumber
            || cases.Find(data.CaseNumber) is not { } current)
            return AdaptiveCardInvokeResponse.Error(400, "StaleCard", context.Text("intake.error.staleCard"));

        var language = data.Language;
        if (request.Closed)
            return Stale(current, request, data);

        if (data.Comment.Length > MaxCommentLength)
        {
            var tooLong = context.Text("intake.error.tooLong", context.Text("approval.comment"), MaxCommentLength);
            return AdaptiveCardInvokeResponse.Card(cards.Actionable(current, request, language, RefreshIds(current, request), data with { Comment = data.Comment[..MaxCommentLength] }, tooLong).ToJson());
        }

        var result = procedure.Apply(data.CaseNumber, context.Actor, Command(data, request, current.Level), $"invoke:{context.Turn.Activity.Id ?? Guid.NewGuid().ToString("N")}", request.Id);
        if (result.Stale || result.Repeated)
            return Stale(result.Case ?? current, requests.Find(request.Id)!, data);
        if (!result.Decision.Allowed)
        {
            var message = refusals.For(result.Decision, language);
            if (!RefusalText.IsInputProblem(result.Decision))
                return AdaptiveCardInvokeResponse.Error(400, "NotAllowed", message);
            return AdaptiveCardInvokeResponse.Card(cards.Actionable(current, request, language, RefreshIds(current, request), data, message).ToJson());
        }

        return AdaptiveCardInvokeResponse.Card(cards.Decided(result.Case!, requests.Find(request.Id)!, language).ToJson());
    }

    /// <summary>The command a press asks for; the level button raises or lowers by the level chosen (no action of its own).</summary>
    private CaseCommand Command(ApprovalCardData data, ApprovalRequest request, CaseLevel current)
    {
        var level = Enum.TryParse<CaseLevel>(data.NewLevel, out var parsed) && Enum.IsDefined(parsed) ? parsed : (CaseLevel?)null;
        var chosen = button.Action ?? (level > current ? CaseAction.LowerLevel : CaseAction.RaiseLevel);
        var unit = chosen == CaseAction.Acknowledge ? request.UnitId : data.NewUnit.Length > 0 ? data.NewUnit : null;
        return new CaseCommand(chosen, data.Comment, level, unit);
    }

    private IReadOnlyList<string> RefreshIds(Case c, ApprovalRequest request) => router.RefreshIds(router.Deciders(c, request.Stage, request.UnitId));

    private AdaptiveCardInvokeResponse Stale(Case current, ApprovalRequest request, ApprovalCardData data) =>
        AdaptiveCardInvokeResponse.Card(cards.Decided(current, request, data.Language, cards.StaleNote(data.Language)).ToJson());
}
