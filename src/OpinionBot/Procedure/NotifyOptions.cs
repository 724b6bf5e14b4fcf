using OpinionBot.Cases;

namespace OpinionBot.Procedure;

/// <summary>The <c>Workflow:Notify</c> section: who is told at once about a case, by level (the levels table).</summary>
public sealed class NotifyOptions
{
    public const string Section = "Workflow:Notify";

    /// <summary>Null when not configured: the configuration binder would append to a non-empty default.</summary>
    public List<CaseLevel>? OfficeLevels { get; set; }
    public List<CaseLevel>? LeadingGroupHeadLevels { get; set; }

    /// <summary>The office is told of every level by default: it leads 一般 (IV) cases together with the unit.</summary>
    public IReadOnlyList<CaseLevel> EffectiveOfficeLevels => OfficeLevels ?? [CaseLevel.I, CaseLevel.II, CaseLevel.III, CaseLevel.IV];
    public IReadOnlyList<CaseLevel> EffectiveLeadingGroupHeadLevels => LeadingGroupHeadLevels ?? [CaseLevel.I, CaseLevel.II];
}
