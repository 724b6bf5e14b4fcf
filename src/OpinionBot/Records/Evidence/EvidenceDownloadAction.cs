using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Evidence;
using OpinionBot.Records.Files;

namespace OpinionBot.Records.Evidence;

/// <summary>
/// An evidence file's Download button on the case card: for whoever may see the case, a link to the file as it was
/// stored (never altered); the answer is the case card with the link on top, shown to the person who pressed.
/// </summary>
public sealed class EvidenceDownloadAction(ICaseStore cases, IEvidenceStore evidence, CaseCard caseCard, DownloadLinks links, DownloadOffer offer) : ICardAction
{
    public string Verb => EvidenceList.DownloadVerb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        Task.FromResult(Handle(context));

    private AdaptiveCardInvokeResponse Handle(CardActionContext context)
    {
        var id = BotJson.Member(context.Action.Data, "file") ?? "";
        var number = id.Split('/') is ["evidence", var n, _] ? n : "";
        if (cases.Find(number) is not { } c || evidence.ForCase(number).FirstOrDefault(f => f.Id == id) is not { } file)
            return AdaptiveCardInvokeResponse.Error(400, "NotFound", context.Text("evidence.list.gone"));
        if (!CaseAccess.CanView(context.Actor, c))
            return AdaptiveCardInvokeResponse.Error(400, "NotAllowed", context.Text("access.caseNotVisible", number));
        if (!links.Configured)
            return AdaptiveCardInvokeResponse.Message(offer.NotConfigured(context.Language));

        var description = new FileDescription(file.Name, file.ContentType, FileKind.Evidence, [number], [c.UnitId], $"evidence {number} {file.Sha256[..12]}");
        var issued = links.IssueStored(file.Id, file.Size, file.Sha256, description, context.Actor);
        var card = caseCard.Build(c, cases.Timeline(number), evidence.Count(number), context.Language);
        foreach (var element in offer.Elements(issued, context.Language).Reverse())
            card.Prepend(element);
        return AdaptiveCardInvokeResponse.Card(card.ToJson());
    }
}
