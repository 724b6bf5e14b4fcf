using OpinionBot.Cases;
using OpinionBot.Procedure;

namespace OpinionBot.Records.Archive;

/// <summary>
/// A change whose events include <see cref="CaseEventKind.Archived"/> (resolve of a case that needs no closing review,
/// the closing review) queues the case's archive package through the <see cref="ArchivePackaging"/> hook, inside the
/// change's transaction: it is packaged once the archiving has committed, and never if it did not.
/// </summary>
public sealed class PackageWhenArchived(ArchivePackaging packaging) : ICaseReaction
{
    public int Order => 900;

    public void React(CaseChange change)
    {
        if (change.Decision.Events.Contains(CaseEventKind.Archived))
            packaging.CaseArchived(change.Case.Number);
    }
}
