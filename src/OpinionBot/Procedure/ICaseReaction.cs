namespace OpinionBot.Procedure;

/// <summary>
/// Something that follows an allowed change — cards, notices, slips — written inside the same store transaction as
/// the change (a transactional outbox): either the change and all its reactions are stored, or none of them.
/// </summary>
public interface ICaseReaction
{
    /// <summary>Reactions run in ascending order, after the case and its events are written.</summary>
    int Order { get; }

    void React(CaseChange change);
}
