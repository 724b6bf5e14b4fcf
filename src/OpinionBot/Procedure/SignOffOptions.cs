using OpinionBot.Cases;

namespace OpinionBot.Procedure;

/// <summary>The <c>Workflow:SignOff</c> section: which levels need which leader, since organisations' written rules differ.</summary>
public sealed class SignOffOptions
{
    public const string Section = "Workflow:SignOff";

    private static readonly IReadOnlyList<CaseLevel> Major = [CaseLevel.I, CaseLevel.II];
    private static readonly IReadOnlyList<CaseLevel> Every = [CaseLevel.I, CaseLevel.II, CaseLevel.III, CaseLevel.IV];

    /// <summary>Levels whose case the principal leader signs off after the supervising leader (default I–II).</summary>
    public List<CaseLevel>? CasePrincipalLevels { get; set; }

    /// <summary>Levels whose statements the principal leader signs before the office publishes them (default every level).</summary>
    public List<CaseLevel>? StatementPrincipalLevels { get; set; }

    /// <summary>Levels that need a closing review (总结评估) before they are archived (default I–II).</summary>
    public List<CaseLevel>? ClosingReviewLevels { get; set; }

    public IReadOnlyList<CaseLevel> EffectiveCasePrincipalLevels => (IReadOnlyList<CaseLevel>?)CasePrincipalLevels ?? Major;
    public IReadOnlyList<CaseLevel> EffectiveStatementPrincipalLevels => (IReadOnlyList<CaseLevel>?)StatementPrincipalLevels ?? Every;
    public IReadOnlyList<CaseLevel> EffectiveClosingReviewLevels => (IReadOnlyList<CaseLevel>?)ClosingReviewLevels ?? Major;
}
