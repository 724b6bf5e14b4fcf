using OpinionBot.Cases;
using OpinionBot.Deadlines;

namespace OpinionBot.Records.Archive;

/// <summary>
/// Today's archive path: a change whose events include <see cref="CaseEventKind.Archived"/> (resolve of a level III–IV
/// case, the closing review of a level I–II case) calls the <see cref="ArchivePackaging"/> hook inside its transaction.
/// The procedure table (issue 9) calls the hook from its reactions instead.
/// </summary>
public sealed class PackageWhenArchived(ArchivePackaging packaging) : ICaseChangeObserver
{
    public void Observe(Case c, IReadOnlyList<CaseEventKind> events, DateTimeOffset now)
    {
        if (events.Contains(CaseEventKind.Archived))
            packaging.CaseArchived(c.Number);
    }
}
