using Microsoft.Extensions.Options;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Deadlines;
using OpinionBot.Roster;

namespace OpinionBot.Procedure;

/// <summary>
/// What each action does to the case's own fields (the question, the level, the unit, the statements, the dispatches,
/// the result), and the input each needs. What follows an action — state, clocks, cards, notices — is in
/// <see cref="ProcedureTable"/>, not here.
/// </summary>
public sealed class CaseEffects(WorkingCalendar calendar, OrganizationClock clock, IOptions<WorkflowOptions> workflow)
{
    public (string Key, object? Argument)? CheckInput(Requirement needs, Case c, CaseCommand command, IReadOnlyCollection<string> unitIds, DateTimeOffset now)
    {
        var text = command.Text.Trim();
        if (needs.HasFlag(Requirement.HigherLevel) && (command.NewLevel is not { } higher || higher >= c.Level))
            return ("lifecycle.levelNotHigher", c.Level);
        if (needs.HasFlag(Requirement.LowerLevel) && (command.NewLevel is not { } lower || lower <= c.Level || !Enum.IsDefined(lower)))
            return ("lifecycle.levelNotLower", c.Level);
        if (needs.HasFlag(Requirement.OtherUnit))
        {
            if (string.IsNullOrWhiteSpace(command.Unit) || !unitIds.Contains(command.Unit)) return ("lifecycle.unitUnknown", null);
            if (command.Unit == c.UnitId) return ("lifecycle.unitSame", null);
        }

        if (needs.HasFlag(Requirement.NewCooperatingUnit))
        {
            if (string.IsNullOrWhiteSpace(command.Unit) || !unitIds.Contains(command.Unit)) return ("lifecycle.unitUnknown", null);
            if (command.Unit == c.UnitId) return ("lifecycle.unitIsLead", command.Unit);
            if (c.CooperatingUnits.Contains(command.Unit)) return ("lifecycle.alreadyCooperating", command.Unit);
        }

        if (needs.HasFlag(Requirement.Reason) && text.Length == 0) return ("lifecycle.reasonRequired", null);
        if (needs.HasFlag(Requirement.Question) && text.Length == 0) return ("lifecycle.questionRequired", null);
        if (needs.HasFlag(Requirement.Text) && text.Length == 0) return ("lifecycle.textRequired", null);
        if (needs.HasFlag(Requirement.ValidPromise) && command.PromisedDate is { } promised)
        {
            var today = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
            var latest = DateOnly.FromDateTime(clock.ToLocal(calendar.AddWorkingDays(now, workflow.Value.Deadlines.PromiseMaxWorkingDays)).DateTime);
            if (promised < today) return ("lifecycle.promiseInPast", null);
            if (promised > latest) return ("lifecycle.promiseTooLate", latest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return null;
    }

    public Decision Apply(ProcedureRow row, Case c, Actor actor, CaseCommand command, DateTimeOffset now)
    {
        var text = command.Text.Trim();
        Statement? statement = null;
        Dispatch? dispatch = null;
        switch (command.Action)
        {
            case CaseAction.NeedInfo:
                c.PendingQuestion = text;
                c.QuestionAskedBy = actor.Key;
                break;
            case CaseAction.ProvideInfo:
                c.PendingQuestion = null;
                break;
            case CaseAction.RaiseLevel or CaseAction.LowerLevel:
                c.Level = command.NewLevel!.Value;
                ClearQuestion(c);
                break;
            case CaseAction.Reassign:
                foreach (var lead in c.Dispatches.Where(d => d is { Role: DispatchRole.Lead, AwaitsAcknowledgement: true }))
                    lead.Withdrawn = true;
                c.UnitId = command.Unit!;
                ClearQuestion(c);
                break;
            case CaseAction.AddCooperatingUnit:
                c.CooperatingUnits.Add(command.Unit!);
                break;
            case CaseAction.Acknowledge:
                dispatch = c.Dispatches.First(d => d.AwaitsAcknowledgement && actor.OfficerOf.Contains(d.UnitId) && (command.Unit is null || d.UnitId == command.Unit));
                dispatch.AcknowledgedByName = actor.Name;
                dispatch.AcknowledgedAt = now;
                break;
            case CaseAction.DraftStatement:
                statement = new Statement
                {
                    Id = c.Statements.Count + 1, Kind = command.Kind ?? NextKind(c), Text = text, PromisedDate = command.PromisedDate,
                    Stage = StatementStage.SupervisorReview, DraftedBy = actor.Key, DraftedByName = actor.Name, DraftedAt = now,
                };
                c.Statements.Add(statement);
                break;
            case CaseAction.ApproveStatement:
                statement = c.StatementInFlight!;
                if (statement.Stage == StatementStage.SupervisorReview)
                {
                    statement.ApprovedByName = actor.Name;
                    statement.Stage = row.Then == ApprovalStage.StatementSign ? StatementStage.PrincipalSign : StatementStage.Approved;
                }
                else
                {
                    statement.SignedByName = actor.Name;
                    statement.Stage = StatementStage.Approved;
                }

                break;
            case CaseAction.ReturnStatement:
                statement = c.StatementInFlight!;
                statement.Stage = StatementStage.Returned;
                statement.ReturnReason = text;
                break;
            case CaseAction.PublishStatement:
                statement = c.StatementInFlight!;
                statement.Stage = StatementStage.Published;
                statement.PublishedAt = now;
                statement.PublishedByName = actor.Name;
                break;
            case CaseAction.Resolve:
                c.HandlingResult = text;
                break;
            case CaseAction.Review:
                c.ClosingReview = text;
                break;
            case CaseAction.Reopen:
                c.Reopened++;
                ClearQuestion(c);
                break;
        }

        dispatch = Dispatch(row.Dispatch, c, actor, command, now) ?? dispatch;
        return Decision.Allow(row) with { Statement = statement, Dispatch = dispatch };
    }

    /// <summary>
    /// A new dispatch for the row's target. Reporting or handing a case to one's own unit is its acknowledgement: the
    /// dispatch is recorded as acknowledged and no card or clock follows.
    /// </summary>
    private static Dispatch? Dispatch(DispatchTarget target, Case c, Actor actor, CaseCommand command, DateTimeOffset now)
    {
        var unit = target switch
        {
            DispatchTarget.LeadUnit => c.UnitId,
            DispatchTarget.CooperatingUnit => command.Unit!,
            _ => null,
        };
        if (unit is null) return null;

        var dispatch = new Dispatch
        {
            UnitId = unit, Role = target == DispatchTarget.LeadUnit ? DispatchRole.Lead : DispatchRole.Cooperating,
            DispatchedAt = now, DispatchedByName = actor.Name,
        };
        if (actor.OfficerOf.Contains(unit))
        {
            dispatch.AcknowledgedAt = now;
            dispatch.AcknowledgedByName = actor.Name;
        }

        c.Dispatches.Add(dispatch);
        return dispatch;
    }

    /// <summary>Without a kind named: the first statement is the first response, then the formal answer, then staged updates.</summary>
    public static StatementKind NextKind(Case c)
    {
        var said = c.Statements.Where(s => s.Stage != StatementStage.Returned).Select(s => s.Kind).ToHashSet();
        return said.Count == 0 ? StatementKind.FirstResponse
            : !said.Contains(StatementKind.FormalAnswer) ? StatementKind.FormalAnswer
            : StatementKind.StagedUpdate;
    }

    private static void ClearQuestion(Case c)
    {
        c.PendingQuestion = null;
        c.QuestionAskedBy = null;
    }
}
