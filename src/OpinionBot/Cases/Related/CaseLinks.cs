using OpinionBot.Roster;
using OpinionBot.Storage;

namespace OpinionBot.Cases.Related;

/// <summary>Links two cases as related, both ways, with an entry on each timeline, in one transaction.</summary>
public sealed class CaseLinks(ICaseStore cases, IStoreTransaction transaction)
{
    /// <summary>Links <paramref name="first"/> and <paramref name="second"/> (both must exist); false when they already were.</summary>
    public bool Link(string first, string second, Actor actor, DateTimeOffset now) => transaction.Run(() =>
    {
        // Both locked, always in the same order, so two links made at once cannot deadlock.
        var ordered = string.CompareOrdinal(first, second) <= 0;
        var locked = (ordered ? [first, second] : new[] { second, first }).Select(cases.FindForUpdate).ToList();
        var a = (ordered ? locked[0] : locked[1]) ?? throw new ArgumentException($"No case {first}.", nameof(first));
        var b = (ordered ? locked[1] : locked[0]) ?? throw new ArgumentException($"No case {second}.", nameof(second));
        if (a.RelatedCases.Contains(b.Number) && b.RelatedCases.Contains(a.Number))
            return false;

        foreach (var (self, other) in new[] { (a, b), (b, a) })
        {
            if (!self.RelatedCases.Contains(other.Number))
            {
                self.RelatedCases.Add(other.Number);
                cases.Save(self);
            }

            cases.Append(new CaseEvent
            {
                CaseNumber = self.Number, At = now, Kind = CaseEventKind.Linked, ActorKey = actor.Key, ActorName = actor.Name,
                Comment = other.Number, DedupKey = $"linked:{self.Number}:{other.Number}",
            });
        }

        return true;
    });
}
