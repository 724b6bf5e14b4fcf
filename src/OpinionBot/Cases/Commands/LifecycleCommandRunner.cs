using OpinionBot.Bot;
using OpinionBot.Cases.Lifecycle;
using OpinionBot.Configuration;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Commands;

/// <summary>Runs a lifecycle command typed in chat; a refusal is answered with its reason and changes nothing.</summary>
public sealed class LifecycleCommandRunner(CaseStore cases, RosterStore roster, RefusalText refusals, OrganizationClock clock)
{
    public async Task<Case?> RunAsync(CommandContext context, Case c, CaseCommand command, CancellationToken cancellationToken)
    {
        var change = cases.Apply(c.Number, context.Actor, command, expectedVersion: null, clock.UtcNow,
            $"message:{context.Turn.Activity.Id ?? Guid.NewGuid().ToString("N")}", roster.AllUnits().Select(u => u.Id).ToList());
        if (change.Decision.Allowed)
            return change.Case;

        await context.ReplyAsync(BotFramework.Schema.Activity.CreateMessageActivity(refusals.For(change.Decision, context.Language)), cancellationToken);
        return null;
    }
}
