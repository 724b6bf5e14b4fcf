using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Briefings;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Records.Files;

namespace OpinionBot.Records.SpecialReport;

/// <summary>
/// The briefing cards' "Download (.docx)" button: the briefing as a document, for the office and the leading-group
/// head (it covers every unit). The answer is the briefing card again, as of now, with the download link on top —
/// Teams shows an Action.Execute answer to the person who pressed, so the link reaches no one else.
/// </summary>
public sealed class BriefingReportAction(
    IBriefingAggregator aggregator,
    BriefingCards cards,
    WeeklyChart chart,
    BriefingReportWriter writer,
    DownloadLinks links,
    DownloadOffer offer,
    OrganizationClock clock) : ICardAction
{
    public string Verb => BriefingReportButton.Verb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        if (BriefingReportButton.Parse(context.Action.Data) is not { } request)
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "BadRequest", context.Text("intake.error.staleCard")));
        if (!context.Actor.SeesAllUnits)
            return Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "NotAllowed", context.Text("report.briefing.notAllowed")));
        if (!links.Configured)
            return Task.FromResult(AdaptiveCardInvokeResponse.Message(offer.NotConfigured(context.Language)));

        var language = context.Language;
        AdaptiveCard card;
        byte[] docx;
        string name;
        if (request.Kind == BriefingKind.Daily)
        {
            var figures = aggregator.Daily(request.From, clock.UtcNow);
            card = cards.Daily(figures, language, late: false);
            docx = writer.Daily(figures, language, context.Actor.Name);
            name = writer.DailyFileName(request.From, language);
        }
        else
        {
            var figures = aggregator.Weekly(request.From, request.Through);
            card = cards.Weekly(figures, language, late: false, soFar: request.Through < request.From.AddDays(6));
            docx = writer.Weekly(figures, chart.Render(figures.Trend), language, context.Actor.Name);
            name = writer.WeeklyFileName(request.From, request.Through, language);
        }

        using var content = new MemoryStream(docx, writable: false);
        var scope = $"{request.Kind.ToString().ToLowerInvariant()} briefing {request.From:yyyy-MM-dd}..{request.Through:yyyy-MM-dd}";
        var issued = links.IssueGenerated(content, new FileDescription(name, ContentTypes.Docx, FileKind.BriefingReport, [], [], scope, 0), context.Actor);
        foreach (var element in offer.Elements(issued, language).Reverse())
            card.Prepend(element);
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.ToJson()));
    }
}
