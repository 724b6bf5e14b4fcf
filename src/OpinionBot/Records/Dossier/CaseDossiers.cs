using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Evidence;
using OpinionBot.Roster;

namespace OpinionBot.Records.Dossier;

/// <summary>Reads a case's dossier from the stores.</summary>
public sealed class CaseDossiers(ICaseStore cases, IOwedStepStore steps, IEvidenceStore evidence, IRosterStore roster)
{
    public CaseDossier? Find(string number) => cases.Find(number) is { } c ? Of(c) : null;

    public CaseDossier Of(Case c)
    {
        var timeline = cases.Timeline(c.Number);
        var names = roster.AllUnits().ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        string Name(string unitId) => names.GetValueOrDefault(unitId, unitId);
        return new CaseDossier(
            c,
            Name(c.UnitId),
            c.CooperatingUnits.Select(Name).ToList(),
            timeline,
            steps.ForCase(c.Number).OrderBy(s => s.StartedAt).ThenBy(s => s.Id, StringComparer.Ordinal).ToList(),
            evidence.ForCase(c.Number),
            CaseStatements.Of(c),
            CaseDispatches.Of(c),
            names);
    }
}
