using OpinionBot.Bot;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Commands;

/// <summary><c>my</c> / <c>我的</c>: the open cases of my units (all units for the office), with state and next deadline.</summary>
public sealed class MyCasesCommand(ICaseStore cases, IRosterStore roster, MyCasesCard card) : ICommand
{
    public const int Shown = 20;

    public IReadOnlyList<CommandWord> Words { get; } = [new("my", Language.EnUs), new("我的", Language.ZhCn)];

    public string DescriptionKey => "command.my.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var units = context.Actor.VisibleUnits(roster.AllUnits().Select(u => u.Id)).ToList();
        var open = cases.OpenCases(units, Shown);
        if (open.Count == 0)
            return context.ReplyTextAsync("my.empty", cancellationToken);

        var total = cases.CountOpenCases(units);
        return context.ReplyAsync(card.Build(open, total, context.Language).ToActivity(context.Text("my.title")), cancellationToken);
    }
}
