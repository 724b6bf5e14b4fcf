using OpinionBot.Cases;

namespace OpinionBot.Approvals;

/// <summary>The <c>Workflow:Notify</c> section: who is told at once about a new case, by level (DESIGN.md §2).</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Workflow:Notify";

    /// <summary>Null when not configured: the configuration binder would append to a non-empty default.</summary>
    public List<CaseLevel>? OfficeLevels { get; set; }
    public List<CaseLevel>? LeadingGroupHeadLevels { get; set; }

    public IReadOnlyList<CaseLevel> EffectiveOfficeLevels => OfficeLevels ?? [CaseLevel.I, CaseLevel.II, CaseLevel.III];
    public IReadOnlyList<CaseLevel> EffectiveLeadingGroupHeadLevels => LeadingGroupHeadLevels ?? [CaseLevel.I];
}
