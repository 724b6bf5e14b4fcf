using OpinionBot.Bot;
using OpinionBot.Cases;
using OpinionBot.Localization;

namespace OpinionBot.Evidence;

/// <summary><c>attach 2026-0042</c> / <c>附件 2026-0042</c> with images or files in the same message.</summary>
public sealed class AttachCommand(OpinionBot.Cases.Commands.CaseLookup lookup, EvidenceCollector collector) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("attach", Language.EnUs), new("附件", Language.ZhCn)];

    public string DescriptionKey => "command.attach.description";

    public string ArgumentHint => "2026-0042";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } @case)
            return;

        var files = ChatFile.In(context.Turn.Activity);
        if (files.Count == 0)
        {
            await context.ReplyTextAsync("evidence.noFiles", cancellationToken, context.Word);
            return;
        }

        await collector.CollectAsync(context, @case.Number, files, cancellationToken);
    }
}
