using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Evidence;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Intake;

/// <summary>
/// The intake card's Submit: invalid input comes back on the same card with the input kept; a valid report is
/// numbered and committed, then the card turns into the case card. The same submission twice makes one case.
/// </summary>
public sealed class ReportCardAction(
    ICaseStore cases,
    IEvidenceStore evidence,
    IRosterStore roster,
    IntakeValidator validator,
    CaseCard caseCard,
    OrganizationClock clock,
    Localization.BotTexts texts,
    Procedure.CaseProcedure procedure,
    Procedure.RefusalText refusals,
    Deadlines.CaseWarnings warnings) : ICardAction
{
    public string Verb => IntakeCard.Verb;

    public async Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (!CaseAccess.CanReport(context.Actor))
            return AdaptiveCardInvokeResponse.Error(400, "NotAnOfficer", context.Text("access.officersOnly"));

        var values = IntakeValues.FromActionData(context.Action.Data);
        var submissionId = values[IntakeFields.SubmissionId];
        if (submissionId.Length is 0 or > 64)
            return AdaptiveCardInvokeResponse.Error(400, "StaleCard", context.Text("intake.error.staleCard"));

        var units = CaseAccess.ReportableUnits(context.Actor, roster.AllUnits());
        var validation = validator.Validate(values, units.Select(u => u.Id).ToList());
        if (validation.Draft is not { } draft)
            return AdaptiveCardInvokeResponse.Card(IntakeCard.Build(values, validation.Errors, units, context.Language, texts).ToJson());

        var now = clock.UtcNow;
        var local = clock.ToLocal(now);
        draft.SubmissionId = submissionId;
        draft.Year = local.Year;
        draft.ReportedAt = now;
        draft.ReportedOn = DateOnly.FromDateTime(local.DateTime);
        draft.ReporterKey = context.Actor.Key;
        draft.ReporterName = context.Actor.Name;
        draft.State = CaseState.Reported;

        var result = await procedure.ReportAsync(draft, context.Actor);
        if (result.Case is not { } @case)
            return AdaptiveCardInvokeResponse.Error(400, "NotAllowed", refusals.For(result.Decision, context.Language));
        return CaseCardResponse(@case, result, context);
    }

    private AdaptiveCardInvokeResponse CaseCardResponse(Case @case, Procedure.ProcedureResult result, CardActionContext context)
    {
        // A case this report made has no evidence yet (files are added to a case once it exists).
        var evidenceCount = result.Repeated ? evidence.Count(@case.Number) : 0;
        var card = caseCard.Build(@case, result.Timeline ?? cases.Timeline(@case.Number), evidenceCount, context.Language);
        // A case reported after a clock ran out says so at the top: its reminder slips have already started.
        foreach (var warning in warnings.For(@case, context.Language).Reverse())
            card.Prepend(Cards.CardElements.Attention(warning));
        var note = context.Text(result.Repeated ? "intake.alreadyRecorded" : "intake.recorded", @case.Number);
        return AdaptiveCardInvokeResponse.Card(card.Prepend(Cards.CardElements.Text(note, bold: true)).ToJson());
    }
}
