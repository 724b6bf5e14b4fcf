using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Delivery;
using OpinionBot.Localization;
using OpinionBot.Procedure;
using OpinionBot.Roster;

namespace OpinionBot.Approvals;

/// <summary>
/// The cards a change asks for, as its row says: the cards of the stages it ends turn into their decided face in
/// place, the next stage's cards go out, and a unit the case was dispatched to gets its dispatch card.
/// </summary>
public sealed class ApprovalCards(IApprovalStore requests, ApprovalRouter router, ApprovalCard cards, ProactiveSender sender, ICaseStore cases, IRosterStore roster, OrganizationClock clock) : ICaseReaction
{
    public int Order => 100;

    public void React(CaseChange change)
    {
        var c = change.Case;
        // Only a row that ends stages closes cards: for any other (a report among them) there is nothing to look up.
        if (change.Row.Ends.Count > 0)
        {
            foreach (var request in requests.Open(c.Number).Where(r => Ends(change, r)))
                Close(c, request, change.Outcome);
        }

        if (change.Row.Then is { } stage)
            router.Route(c, stage, c.UnitId, stage is ApprovalStage.StatementReview or ApprovalStage.StatementSign or ApprovalStage.Publish ? change.Decision.Statement?.Id : null);

        if (change.Decision.Dispatch is { AwaitsAcknowledgement: true } dispatch)
        {
            cases.Append(new CaseEvent
            {
                CaseNumber = c.Number, At = change.Now, Kind = CaseEventKind.Dispatched, ActorKey = change.Actor.Key, ActorName = change.Actor.Name,
                Comment = roster.FindUnit(dispatch.UnitId)?.Name ?? dispatch.UnitId, DedupKey = $"{change.Outcome.DedupKey}:dispatch:{dispatch.UnitId}",
            });
            router.Route(c, ApprovalStage.Dispatch, dispatch.UnitId);
        }
    }

    /// <summary>A dispatch card ends only when its unit no longer owes the acknowledgement (or the case is over).</summary>
    private static bool Ends(CaseChange change, ApprovalRequest request) =>
        change.Row.Ends.Contains(request.Stage)
        && (request.Stage != ApprovalStage.Dispatch || change.Case.State is CaseState.Archived or CaseState.Dismissed
            || !change.Case.Dispatches.Any(d => d.UnitId == request.UnitId && d.AwaitsAcknowledgement));

    /// <summary>Closes the request with the outcome and updates its card in place (after the send, if that is still queued).</summary>
    public void Close(Case c, ApprovalRequest request, CaseEvent outcome)
    {
        request.Closed = true;
        request.Outcome = new ApprovalOutcome { Kind = outcome.Kind, ActorName = outcome.ActorName, At = outcome.At, Comment = outcome.Comment };
        requests.Save(request);
        if (request.ActivityId is null && request.OutboxMessageId is null) return;
        var language = LanguageTags.FromLocale(request.Language) ?? clock.DefaultLanguage;
        sender.EnqueueUpdate(request.ServiceUrl, request.ConversationId, request.ActivityId, request.OutboxMessageId, cards.Decided(c, request, language).ToActivity());
    }
}
