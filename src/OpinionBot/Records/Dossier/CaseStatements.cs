using OpinionBot.Cases;

namespace OpinionBot.Records.Dossier;

/// <summary>
/// The one place that lists a case's statements for the register, special reports and archive packages. Today a case
/// has a single <see cref="Case.Response"/>, its times read from the timeline; the procedure table (issue 9) gives
/// each statement its own kind and times, and this is where they are listed instead.
/// </summary>
public static class CaseStatements
{
    /// <summary>
    /// The statements of <paramref name="c"/>, oldest first. <paramref name="timeline"/> is only asked for when the case
    /// has a statement (the register reads it for those cases alone).
    /// </summary>
    public static IReadOnlyList<StatementRecord> Of(Case c, Func<IReadOnlyList<CaseEvent>> timeline)
    {
        if (c.Response is not { } response)
            return [];

        var events = timeline();
        DateTimeOffset? Last(CaseEventKind kind) => events.LastOrDefault(e => e.Kind == kind)?.At;
        var drafted = Last(CaseEventKind.ResponseDrafted);
        var signedOff = response.Stage is ResponseStage.Approved or ResponseStage.Published ? Last(CaseEventKind.ResponseApproved) : null;
        var published = response.Stage == ResponseStage.Published ? Last(CaseEventKind.ResponsePublished) : null;
        return
        [
            new StatementRecord("statement.kind.Response", response.Text, $"statement.stage.{response.Stage}", response.DraftedBy,
                drafted ?? (response.DraftedAt == default ? null : response.DraftedAt), signedOff, published),
        ];
    }
}

/// <summary>
/// The one place that lists a case's dispatches (交办) to units. Cases are not dispatched yet; the procedure table
/// (issue 9) records dispatches with their acknowledgements, and this is where they are listed.
/// </summary>
public static class CaseDispatches
{
    public static IReadOnlyList<DispatchRecord> Of(Case c) => [];
}
