namespace OpinionBot.Procedure;

/// <summary>Who is told when a row applies, and with which text (see <see cref="Approvals.CaseNotifier"/> for its arguments).</summary>
public sealed record Notice(Audience Audience, string TextKey);

public enum Audience
{
    /// <summary>The officer who reported the case.</summary>
    Reporter,

    /// <summary>Whoever drafted the statement acted on.</summary>
    Drafter,

    /// <summary>The lead unit's officers.</summary>
    UnitOfficers,

    /// <summary>Those told at once by level (<c>Workflow:Notify</c>): the office, the leading-group head; off hours also the person on duty.</summary>
    LevelWatchers,

    /// <summary>Outside working hours and on days off, whoever <c>Organization:Duty</c> has on duty (值班).</summary>
    OnDuty,
}
