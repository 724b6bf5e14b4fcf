using OpinionBot.Bot;
using OpinionBot.Procedure;
using OpinionBot.Localization;

namespace OpinionBot.Cases.Commands;

/// <summary><c>review 2026-0042 &lt;text&gt;</c> / <c>总结 …</c>: the closing review of a resolved level I–II case, which archives it.</summary>
public sealed class ReviewCommand(CaseLookup lookup, LifecycleCommandRunner runner) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("review", Language.EnUs), new("总结", Language.ZhCn)];

    public string DescriptionKey => "command.review.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var text = CaseNumber.TextAfter(context.Arguments);
        if (await runner.RunAsync(context, c, new CaseCommand(CaseAction.Review, text), cancellationToken) is { } archived)
            await context.ReplyTextAsync("review.archived", cancellationToken, archived.Number);
    }
}
