using OpinionBot.Bot;
using OpinionBot.Procedure;
using OpinionBot.Localization;

namespace OpinionBot.Cases.Commands;

/// <summary><c>resolve 2026-0042 &lt;result&gt;</c> / <c>办结 …</c>: the handling result; level I–II cases then await a closing review.</summary>
public sealed class ResolveCommand(CaseLookup lookup, LifecycleCommandRunner runner) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("resolve", Language.EnUs), new("办结", Language.ZhCn)];

    public string DescriptionKey => "command.resolve.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var text = CaseNumber.TextAfter(context.Arguments);
        if (await runner.RunAsync(context, c, new CaseCommand(CaseAction.Resolve, text), cancellationToken) is not { } resolved)
            return;

        await (resolved.State == CaseState.Resolved
            ? context.ReplyTextAsync("resolve.awaitingReview", cancellationToken, resolved.Number, context.Text($"level.{resolved.Level}"), context.Language == Language.ZhCn ? "总结" : "review")
            : context.ReplyTextAsync("resolve.archived", cancellationToken, resolved.Number));
    }
}
