using OpinionBot.Bot;
using OpinionBot.Procedure;

namespace OpinionBot.Cases.Commands;

/// <summary>Runs a procedure command typed in chat; a refusal is answered with its reason and changes nothing.</summary>
public sealed class LifecycleCommandRunner(CaseProcedure procedure, RefusalText refusals)
{
    /// <summary>The case after the change; null when refused (the reply says why).</summary>
    public async Task<Case?> RunAsync(CommandContext context, Case c, CaseCommand command, CancellationToken cancellationToken)
    {
        var result = procedure.Apply(c.Number, context.Actor, command, $"message:{context.Turn.Activity.Id ?? Guid.NewGuid().ToString("N")}");
        if (result.Decision.Allowed || result.Repeated)
            return result.Case;

        await context.ReplyAsync(BotFramework.Schema.Activity.CreateMessageActivity(refusals.For(result.Decision, context.Language)), cancellationToken);
        return null;
    }
}
