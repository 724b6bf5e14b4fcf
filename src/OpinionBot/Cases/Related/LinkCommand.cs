using OpinionBot.Bot;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Cases.Related;

/// <summary>
/// <c>link 2026-0042 2026-0040</c> / <c>关联 …</c>: marks two cases as about the same matter (repeated posts, 舆情反弹),
/// both ways. Whoever may see both cases may link them: their units' officers and leaders, the office, the
/// leading-group head. Linking twice changes nothing.
/// </summary>
public sealed class LinkCommand(ICaseStore cases, CaseLinks links, OrganizationClock clock) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("link", Language.EnUs), new("关联", Language.ZhCn)];

    public string DescriptionKey => "command.link.description";

    public string ArgumentHint => "2026-0042 2026-0040";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var numbers = CaseNumber.FindAll(context.Arguments);
        if (numbers.Count != 2)
        {
            await context.ReplyTextAsync("link.usage", cancellationToken, context.Word);
            return;
        }

        if (numbers[0] == numbers[1])
        {
            await context.ReplyTextAsync("link.self", cancellationToken, numbers[0]);
            return;
        }

        foreach (var number in numbers)
        {
            if (cases.Find(number) is not { } c)
            {
                await context.ReplyTextAsync("case.notFound", cancellationToken, number);
                return;
            }

            if (!CaseAccess.CanView(context.Actor, c))
            {
                await context.ReplyTextAsync("access.caseNotVisible", cancellationToken, number);
                return;
            }
        }

        var linked = links.Link(numbers[0], numbers[1], context.Actor, clock.UtcNow);
        await context.ReplyTextAsync(linked ? "link.done" : "link.already", cancellationToken, numbers[0], numbers[1]);
    }
}
