using OpinionBot.Bot;
using OpinionBot.Evidence;
using OpinionBot.Localization;

namespace OpinionBot.Cases.Commands;

/// <summary><c>case 2026-0042</c> / <c>查看 2026-0042</c>: the case card with its timeline.</summary>
public sealed class ShowCaseCommand(CaseLookup lookup, ICaseStore cases, IEvidenceStore evidence, CaseCard caseCard) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("case", Language.EnUs), new("查看", Language.ZhCn)];

    public string DescriptionKey => "command.case.description";

    public string ArgumentHint => "2026-0042";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } @case)
            return;

        var card = caseCard.Build(@case, cases.Timeline(@case.Number), evidence.Count(@case.Number), context.Language);
        await context.ReplyAsync(card.ToActivity($"{@case.Number} {@case.Title}"), cancellationToken);
    }
}
