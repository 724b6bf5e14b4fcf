using OpinionBot.Bot;
using OpinionBot.Localization;
using OpinionBot.Procedure;

namespace OpinionBot.Cases.Commands;

/// <summary>
/// <c>reopen 2026-0042 &lt;reason&gt;</c> / <c>重启 …</c>: the office or a leader reopens a resolved or archived case after
/// a rebound (舆情反弹); it returns to in-progress with its clocks started again.
/// </summary>
public sealed class ReopenCommand(CaseLookup lookup, LifecycleCommandRunner runner) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("reopen", Language.EnUs), new("重启", Language.ZhCn)];

    public string DescriptionKey => "command.reopen.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var reason = CaseNumber.TextAfter(context.Arguments);
        if (await runner.RunAsync(context, c, new CaseCommand(CaseAction.Reopen, reason), cancellationToken) is { } reopened)
            await context.ReplyTextAsync("reopen.done", cancellationToken, reopened.Number);
    }
}
