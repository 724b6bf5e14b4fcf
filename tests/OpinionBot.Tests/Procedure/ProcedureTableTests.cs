using System.Text.Json;
using OpinionBot.Cases;
using OpinionBot.Procedure;
using static OpinionBot.Tests.Procedure.ProcedureFixtures;

namespace OpinionBot.Tests.Procedure;

/// <summary>
/// Walks every row of <see cref="ProcedureTable"/> — each state it starts from, with its conditions made true, for every
/// role: whoever the table lets act moves the case exactly as the row says; everyone else is refused and the case is
/// left untouched.
/// </summary>
public sealed class ProcedureTableTests
{
    public static TheoryData<int, CaseState> RowsAndStates()
    {
        var data = new TheoryData<int, CaseState>();
        for (var i = 0; i < ProcedureTable.Rows.Count; i++)
            foreach (var state in ProcedureTable.Rows[i].From)
                data.Add(i, state);
        return data;
    }

    [Theory]
    [MemberData(nameof(RowsAndStates))]
    public void Each_row_lets_exactly_its_roles_act_and_moves_the_case_as_it_says(int index, CaseState state)
    {
        var row = ProcedureTable.Rows[index];
        var engine = Engine();
        var conditions = new Conditions(SignOff());
        foreach (var role in Enum.GetValues<Role>())
        {
            var c = CaseSatisfying(row, state);
            var command = ValidCommand(row, c);
            var actor = ActorFor(role);
            var before = JsonSerializer.Serialize(c);
            // The engine takes the first row of the action, state and conditions that the actor's roles allow.
            var expected = ProcedureTable.RowsFor(row.Action)
                .Where(r => r.From.Contains(state) && r.When.All(w => conditions.Hold(w, c, command)))
                .FirstOrDefault(r => (r.By & CaseRoles.Of(actor, c, command)) != CaseRole.None);

            var decision = engine.Decide(c, actor, command, Units, Now);

            if (expected is null)
            {
                Assert.False(decision.Allowed, $"{role} {row.Action} in {state} should be refused");
                Assert.Equal(before, JsonSerializer.Serialize(c));
                continue;
            }

            Assert.True(decision.Allowed, $"{role} {row.Action} in {state}: refused with {decision.RefusalKey}");
            Assert.Same(expected, decision.Row);
            Assert.Equal(expected.To ?? state, c.State);
            Assert.Equal(expected.Records, decision.Events);
            Assert.Equal(1, c.Version);
        }
    }

    [Fact]
    public void Every_row_is_reachable_and_every_stage_and_clock_it_names_is_defined()
    {
        foreach (var row in ProcedureTable.Rows)
        {
            Assert.NotEmpty(row.Records);
            Assert.NotEqual(CaseRole.None, row.By);
            Assert.All(row.Ends.Append(row.Then ?? ApprovalStage.CaseReview), s => Assert.True(ProcedureTable.Stages.ContainsKey(s)));
            Assert.All(row.Opens.Concat(row.Closes).Concat(row.Completes), clock => Assert.True(ProcedureTable.Clocks.ContainsKey(clock)));
        }

        foreach (var stage in ProcedureTable.Stages.Values)
            Assert.All(stage.Actions, action => Assert.True(ProcedureTable.Verbs.ContainsKey(action), $"{action} on the {stage.Stage} card has no verb"));
        Assert.Equal(Enum.GetValues<CaseAction>().Order(), ProcedureTable.Rows.Select(r => r.Action).Distinct().Order());
    }

    /// <summary>A case in <paramref name="state"/> for which every condition of <paramref name="row"/> holds.</summary>
    private static Case CaseSatisfying(ProcedureRow row, CaseState state)
    {
        var c = CaseIn(state, LevelFor(row));
        foreach (var condition in row.When)
        {
            switch (condition)
            {
                case Condition.QuestionPending:
                    c.PendingQuestion = "where?";
                    c.QuestionAskedBy = "Supervisor";
                    break;
                case Condition.StatementAtSupervisor:
                    c.Statements.Add(StatementAt(StatementStage.SupervisorReview));
                    break;
                case Condition.StatementAtPrincipal:
                    c.Statements.Add(StatementAt(StatementStage.PrincipalSign));
                    break;
                case Condition.StatementApproved:
                    c.Statements.Add(StatementAt(StatementStage.Approved));
                    break;
                case Condition.DispatchAwaitsAcknowledgement:
                    c.CooperatingUnits.Add("u2");
                    c.Dispatches.Add(new Dispatch { UnitId = "u2", Role = DispatchRole.Cooperating, DispatchedAt = Now });
                    break;
            }
        }

        return c;
    }

    private static CaseLevel LevelFor(ProcedureRow row) =>
        row.When.Any(w => w is Condition.PrincipalReviewsCase or Condition.ClosingReviewNeeded or Condition.PrincipalSignsStatement) ? CaseLevel.II
        : row.When.Any(w => w is Condition.SupervisorAloneReviewsCase or Condition.NoClosingReview or Condition.SupervisorAloneApprovesStatement) ? CaseLevel.IV
        : CaseLevel.III;

    private static CaseCommand ValidCommand(ProcedureRow row, Case c) => new(
        row.Action,
        row.Needs == Requirement.None ? "" : "reason and text",
        row.Needs.HasFlag(Requirement.HigherLevel) ? c.Level - 1 : row.Needs.HasFlag(Requirement.LowerLevel) ? c.Level + 1 : null,
        row.Needs.HasFlag(Requirement.OtherUnit) ? "u2" : row.Needs.HasFlag(Requirement.NewCooperatingUnit) ? "u3" : null);
}
