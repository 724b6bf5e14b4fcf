using OpinionBot.Bot;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Records.Files;
using OpinionBot.Records.Register.Xlsx;
using OpinionBot.Roster;

namespace OpinionBot.Records.Register;

/// <summary>
/// <c>export [period]</c> / <c>导出台账 [period]</c>: the register as an .xlsx behind a download link. The office and the
/// leading-group head get every unit; officers and leaders their own units.
/// </summary>
public sealed class ExportRegisterCommand(
    RegisterWorkbook workbook,
    DownloadLinks links,
    DownloadOffer offer,
    IRosterStore roster,
    OrganizationClock clock,
    BotTexts texts,
    ILogger<ExportRegisterCommand> logger) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("export", Language.EnUs), new("导出台账", Language.ZhCn)];

    public string DescriptionKey => "command.export.description";

    public string ArgumentHint => "[2026-11]";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await links.CanOfferAsync(context, cancellationToken))
            return;

        var today = DateOnly.FromDateTime(clock.LocalNow.DateTime);
        if (RegisterPeriod.Parse(context.Arguments, today) is not { } period)
        {
            await context.ReplyTextAsync("register.badPeriod", cancellationToken, context.Word);
            return;
        }

        var actor = context.Actor;
        var units = roster.AllUnits().Where(u => actor.CanSeeUnit(u.Id)).Select(u => (u.Id, u.Name)).ToList();
        if (units.Count == 0 && !actor.SeesAllUnits)
        {
            await context.ReplyTextAsync("register.noUnits", cancellationToken);
            return;
        }

        var t = new RegisterTexts(texts, context.Language);
        var scope = new RegisterScope(period, units, actor.SeesAllUnits);
        var periodText = RegisterWorkbook.PeriodText(period, t);
        await using var file = TempFile.Create();
        RegisterSummary summary;
        try
        {
            summary = workbook.Write(file, scope, t, actor.Name);
        }
        catch (SheetFullException)
        {
            await context.ReplyTextAsync("register.tooMany", cancellationToken, periodText, SheetWriter.MaxRows - 1);
            return;
        }

        var name = t.Get("file.register", period.IsAll ? t["register.all"] : period.Label);
        var unitsText = actor.SeesAllUnits ? t["register.allUnits"] : t.List(units.Select(u => u.Name));
        var description = new FileDescription(name, ContentTypes.Xlsx, FileKind.Register, [], units.Select(u => u.Id).ToList(),
            $"register {period.From:yyyy-MM-dd}..{period.Through:yyyy-MM-dd}, units: {(actor.SeesAllUnits ? "all" : string.Join(",", units.Select(u => u.Id)))}", summary.Cases);
        var issued = links.IssueGenerated(file, description, actor);
        logger.LogInformation("Register {Period} ({Cases} cases, {Bytes} bytes) exported for {Actor}", period.Label, summary.Cases, issued.Link.Size, actor.Key);

        var card = offer.Card(issued, context.Language, context.Text("register.ready", periodText, summary.Cases, unitsText));
        await context.ReplyAsync(card.ToActivity(name), cancellationToken);
    }
}
