using OpinionBot.Cases;

namespace OpinionBot.Deadlines;

/// <summary>Told of every change to a case inside the transaction that writes it, before the case document is saved.</summary>
public interface ICaseChangeObserver
{
    void Observe(Case c, IReadOnlyList<CaseEventKind> events, DateTimeOffset now);
}
