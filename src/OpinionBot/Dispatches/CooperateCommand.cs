using OpinionBot.Bot;
using OpinionBot.Cases;
using OpinionBot.Cases.Commands;
using OpinionBot.Localization;
using OpinionBot.Procedure;
using OpinionBot.Roster;

namespace OpinionBot.Dispatches;

/// <summary>
/// <c>cooperate 2026-0042 &lt;unit&gt;</c> / <c>协办 2026-0042 &lt;单位&gt;</c>: a leader of the lead unit or the office adds a
/// cooperating unit (by id or name); its officers get a dispatch card to acknowledge.
/// </summary>
public sealed class CooperateCommand(CaseLookup lookup, LifecycleCommandRunner runner, IRosterStore roster) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("cooperate", Language.EnUs), new("协办", Language.ZhCn)];

    public string DescriptionKey => "command.cooperate.description";

    public string ArgumentHint => "2026-0042 …";

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (await lookup.FindVisibleAsync(context, cancellationToken) is not { } c)
            return;

        var named = CaseNumber.TextAfter(context.Arguments);
        var unit = roster.AllUnits().FirstOrDefault(u => string.Equals(u.Id, named, StringComparison.OrdinalIgnoreCase) || u.Name == named);
        if (unit is null)
        {
            await context.ReplyTextAsync("cooperate.unknownUnit", cancellationToken, named, string.Join(context.Language == Language.ZhCn ? "、" : ", ", roster.AllUnits().Select(u => u.Name)));
            return;
        }

        if (await runner.RunAsync(context, c, new CaseCommand(CaseAction.AddCooperatingUnit, Unit: unit.Id), cancellationToken) is { } changed)
            await context.ReplyTextAsync("cooperate.added", cancellationToken, changed.Number, unit.Name);
    }
}
