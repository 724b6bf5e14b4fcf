using OpinionBot.Bot;
using OpinionBot.Localization;
using OpinionBot.Procedure;

namespace OpinionBot.Cases.Commands;

/// <summary>
/// <c>update 2026-0042 …</c> / <c>进展 …</c>: a progress note on the timeline, once per inbound activity. When a leader
/// asked for more information, the officer's update is the answer and goes back to the leader.
/// </summary>
public sealed class UpdateCommand(CaseLookup lookup, LifecycleCommandRunner runner) : ICommand
{
    public const int MaxNoteLength = 2000;

    public IReadOnlyList<CommandWord> Words { get; } = [new("update", Language.EnUs), new("进展", Language.ZhCn)];

    public string DescriptionKey => "command.update.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } @case)
            return;

        var note = CaseNumber.TextAfter(context.Arguments);
        if (note.Length == 0)
        {
            await context.ReplyTextAsync("update.textMissing", cancellationToken, context.Word);
            return;
        }

        if (!@case.State.IsOpen())
        {
            await context.ReplyTextAsync("update.closed", cancellationToken, @case.Number, context.Text($"state.{@case.State}"));
            return;
        }

        note = note.Length <= MaxNoteLength ? note : note[..MaxNoteLength];
        var answers = @case.PendingQuestion is not null && (context.Actor.OfficerOf.Contains(@case.UnitId) || context.Actor.IsOffice);
        if (await runner.RunAsync(context, @case, new CaseCommand(answers ? CaseAction.ProvideInfo : CaseAction.Note, note), cancellationToken) is not null)
            await context.ReplyTextAsync(answers ? "update.answered" : "update.recorded", cancellationToken, @case.Number);
    }
}
