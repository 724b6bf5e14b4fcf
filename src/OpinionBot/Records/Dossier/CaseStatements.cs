using OpinionBot.Cases;

namespace OpinionBot.Records.Dossier;

/// <summary>The one place that lists a case's statements for the register, special reports and archive packages.</summary>
public static class CaseStatements
{
    /// <summary>The statements of <paramref name="c"/> in drafting order (first response, formal answer, staged updates, final result).</summary>
    public static IReadOnlyList<StatementRecord> Of(Case c) => c.Statements.Select(s => new StatementRecord(
        $"statement.kind.{s.Kind}", s.Text, $"statement.stage.{s.Stage}", s.DraftedByName.Length > 0 ? s.DraftedByName : s.DraftedBy,
        s.DraftedAt == default ? null : s.DraftedAt, s.ApprovedByName, s.SignedByName, s.PublishedByName, s.PublishedAt, s.PromisedDate, s.ReturnReason)).ToList();
}

/// <summary>The one place that lists a case's dispatches (交办) to units, with their acknowledgements.</summary>
public static class CaseDispatches
{
    public static IReadOnlyList<DispatchRecord> Of(Case c) => c.Dispatches.Select(d => new DispatchRecord(
        d.UnitId, $"dispatch.role.{d.Role}", d.DispatchedAt, d.DispatchedByName, d.AcknowledgedAt, d.AcknowledgedByName, d.Withdrawn)).ToList();
}
