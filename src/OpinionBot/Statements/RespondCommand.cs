using OpinionBot.Bot;
using OpinionBot.Cases;
using OpinionBot.Cases.Commands;
using OpinionBot.Localization;
using OpinionBot.Procedure;

namespace OpinionBot.Statements;

/// <summary>
/// <c>respond 2026-0042 [first|formal|update|final] [promise 2026-12-01] &lt;text&gt;</c> / <c>回应 2026-0042 [首次|正式|阶段|最终] [承诺 …] …</c>:
/// the unit's draft of a public statement, sent to its leaders for sign-off and then to the office to publish.
/// </summary>
public sealed class RespondCommand(CaseLookup lookup, LifecycleCommandRunner runner) : ICommand
{
    public const int MaxResponseLength = 2000;

    public IReadOnlyList<CommandWord> Words { get; } = [new("respond", Language.EnUs), new("回应", Language.ZhCn)];

    public string DescriptionKey => "command.respond.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var draft = StatementDraft.Parse(CaseNumber.TextAfter(context.Arguments));
        if (draft.BadDate)
        {
            await context.ReplyTextAsync("respond.badDate", cancellationToken);
            return;
        }

        if (draft.Text.Length > MaxResponseLength)
        {
            await context.ReplyTextAsync("intake.error.tooLong", cancellationToken, context.Text("approval.responseText"), MaxResponseLength);
            return;
        }

        var command = new CaseCommand(CaseAction.DraftStatement, draft.Text, Kind: draft.Kind, PromisedDate: draft.PromisedDate);
        if (await runner.RunAsync(context, c, command, cancellationToken) is not { } drafted)
            return;

        var statement = drafted.Statements.Last();
        await context.ReplyTextAsync("respond.submitted", cancellationToken, drafted.Number, context.Text($"statement.kind.{statement.Kind}"));
    }
}
