using OpinionBot.Bot;

namespace OpinionBot.Cases.Commands;

/// <summary>Finds the case a command names and checks the speaker may see it, answering when not.</summary>
public sealed class CaseLookup(ICaseStore cases)
{
    public async Task<Case?> FindVisibleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var number = CaseNumber.Find(context.Arguments);
        if (number is null)
        {
            await context.ReplyTextAsync("case.numberMissing", cancellationToken, context.Word);
            return null;
        }

        var @case = cases.Find(number);
        if (@case is null)
        {
            await context.ReplyTextAsync("case.notFound", cancellationToken, number);
            return null;
        }

        if (!CaseAccess.CanView(context.Actor, @case))
        {
            await context.ReplyTextAsync("access.caseNotVisible", cancellationToken, number);
            return null;
        }

        return @case;
    }
}
