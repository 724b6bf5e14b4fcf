using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Evidence;

namespace OpinionBot.Records.Dossier;

/// <summary>Everything recorded about one case, as the special report and the archive package present it.</summary>
public sealed record CaseDossier(
    Case Case,
    string UnitName,
    IReadOnlyList<string> CooperatingUnitNames,
    IReadOnlyList<CaseEvent> Timeline,
    IReadOnlyList<OwedStep> Steps,
    IReadOnlyList<EvidenceFile> Evidence,
    IReadOnlyList<StatementRecord> Statements,
    IReadOnlyList<DispatchRecord> Dispatches,
    IReadOnlyDictionary<string, string> UnitNames)
{
    public string NameOf(string unitId) => UnitNames.GetValueOrDefault(unitId, unitId);

    public IReadOnlyList<OwedStep> OpenSteps => Steps.Where(s => s.Open).OrderBy(s => s.DueAt).ToList();
}
