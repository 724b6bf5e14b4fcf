using OpinionBot.Bot;
using OpinionBot.Cases.Commands;
using OpinionBot.Localization;
using OpinionBot.Records.Dossier;
using OpinionBot.Records.Files;

namespace OpinionBot.Records.SpecialReport;

/// <summary><c>brief 2026-0042</c> / <c>专报 2026-0042</c>: the case's special report as a .docx, for whoever may see the case.</summary>
public sealed class SpecialReportCommand(CaseLookup lookup, CaseDossiers dossiers, CaseReportWriter writer, DownloadLinks links, DownloadOffer offer) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("brief", Language.EnUs), new("专报", Language.ZhCn)];

    public string DescriptionKey => "command.brief.description";

    public string ArgumentHint => "2026-0042";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await links.CanOfferAsync(context, cancellationToken) || await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var docx = writer.Build(dossiers.Of(c), context.Language, context.Actor.Name);
        using var content = new MemoryStream(docx, writable: false);
        var name = writer.FileName(c.Number, context.Language);
        var issued = links.IssueGenerated(content, new FileDescription(name, ContentTypes.Docx, FileKind.SpecialReport, [c.Number], [c.UnitId], $"special report {c.Number}"), context.Actor);
        var card = offer.Card(issued, context.Language, context.Text("report.ready", c.Number, c.Title));
        await context.ReplyAsync(card.ToActivity(name), cancellationToken);
    }
}
