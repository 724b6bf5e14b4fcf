using OpinionBot.Bot;
using OpinionBot.Cases;
using OpinionBot.Cases.Commands;
using OpinionBot.Cases.Lifecycle;
using OpinionBot.Localization;

namespace OpinionBot.Approvals;

/// <summary><c>respond 2026-0042 &lt;text&gt;</c> / <c>回应 …</c>: the officer's draft of the public response, sent to the leaders for approval.</summary>
public sealed class RespondCommand(CaseLookup lookup, LifecycleCommandRunner runner, ApprovalFlow flow) : ICommand
{
    public const int MaxResponseLength = 2000;

    public IReadOnlyList<CommandWord> Words { get; } = [new("respond", Language.EnUs), new("回应", Language.ZhCn)];

    public string DescriptionKey => "command.respond.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var text = CaseNumber.TextAfter(context.Arguments);
        if (text.Length > MaxResponseLength)
        {
            await context.ReplyTextAsync("intake.error.tooLong", cancellationToken, context.Text("approval.responseText"), MaxResponseLength);
            return;
        }

        if (await runner.RunAsync(context, c, new CaseCommand(CaseAction.DraftResponse, text), cancellationToken) is not { } drafted)
            return;

        await context.ReplyTextAsync("respond.submitted", cancellationToken, drafted.Number);
        await flow.AfterChangeAsync(drafted, flow.LastDecision(drafted.Number), cancellationToken);
    }
}
