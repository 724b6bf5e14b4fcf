using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Evidence;

namespace OpinionBot.Deadlines.Reminders;

/// <summary>The slip's "Open case" button: the case card, for those who may see the case.</summary>
public sealed class OpenCaseAction(ICaseStore cases, IEvidenceStore evidence, CaseCard caseCard) : ICardAction
{
    public string Verb => ReminderSlipCard.OpenCaseVerb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var number = BotJson.Member(context.Action.Data, "caseNumber") ?? "";
        if (cases.Find(number) is not { } c)
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "NotFound", context.Text("case.notFound", number)));
        if (!CaseAccess.CanView(context.Actor, c))
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "NotAllowed", context.Text("access.caseNotVisible", number)));

        var card = caseCard.Build(c, cases.Timeline(number), evidence.Count(number), context.Language);
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.ToJson()));
    }
}
