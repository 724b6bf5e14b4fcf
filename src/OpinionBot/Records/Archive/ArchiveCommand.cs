using OpinionBot.Bot;
using OpinionBot.Cases;
using OpinionBot.Cases.Commands;
using OpinionBot.Localization;
using OpinionBot.Records.Dossier;
using OpinionBot.Records.Files;

namespace OpinionBot.Records.Archive;

/// <summary>
/// <c>archive 2026-0042</c> / <c>归档包 2026-0042</c>: the case's archive package (.zip). For an archived case it is the
/// package kept when it was archived (made now if it is still missing); for an open case a package of the case as it
/// stands, whose hash the timeline records as well.
/// </summary>
public sealed class ArchiveCommand(
    CaseLookup lookup,
    CaseDossiers dossiers,
    ArchivePackageBuilder builder,
    ArchivePackages packages,
    DownloadLinks links,
    DownloadOffer offer) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("archive", Language.EnUs), new("归档包", Language.ZhCn)];

    public string DescriptionKey => "command.archive.description";

    public string ArgumentHint => "2026-0042";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!await links.CanOfferAsync(context, cancellationToken) || await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var actor = context.Actor;
        IssuedLink issued;
        string intro;
        if (packages.KeptFor(c.Number) is { } kept)
        {
            issued = links.IssueStored(kept.FileId, kept.Size, kept.Sha256, ArchivePackages.Description(kept, c.UnitId), actor);
            intro = context.Text("archive.ready.kept", c.Number, kept.Files, kept.Sha256);
        }
        else
        {
            using var package = builder.Build(dossiers.Of(c), context.Language, actor.Name);
            if (c.State == CaseState.Archived && packages.Keep(package, c.Number, actor.Key, actor.Name) is { } archived)
            {
                issued = links.IssueStored(archived.FileId, archived.Size, archived.Sha256, ArchivePackages.Description(archived, c.UnitId), actor);
                intro = context.Text("archive.ready.kept", c.Number, archived.Files, archived.Sha256);
            }
            else
            {
                packages.RecordHandedOut(package, c.Number, actor.Key, actor.Name);
                var description = new FileDescription(package.FileName, ContentTypes.Zip, FileKind.ArchivePackage, [c.Number], [c.UnitId], $"archive package {c.Number}");
                issued = links.IssueGenerated(package.Content, description, actor);
                intro = context.Text("archive.ready.interim", c.Number, package.Manifest.Files.Count, package.Sha256);
            }
        }

        await context.ReplyAsync(offer.Card(issued, context.Language, intro).ToActivity(issued.Link.FileName), cancellationToken);
    }
}
