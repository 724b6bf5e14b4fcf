using System.Globalization;
using OpinionBot.Bot;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Commands;

/// <summary><c>my</c> / <c>我的</c>: the open cases of my units (all units for the office), with state and next deadline.</summary>
public sealed class MyCasesCommand(CaseStore cases, RosterStore roster, OrganizationClock clock) : ICommand
{
    public const int Shown = 20;

    public IReadOnlyList<CommandWord> Words { get; } = [new("my", Language.EnUs), new("我的", Language.ZhCn)];

    public string DescriptionKey => "command.my.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var units = context.Actor.VisibleUnits(roster.AllUnits().Select(u => u.Id));
        var open = cases.OpenCases(units.ToList(), Shown);
        if (open.Count == 0)
            return context.ReplyTextAsync("my.empty", cancellationToken);

        var card = new AdaptiveCard().Add(CardElements.Heading(context.Text("my.title")));
        foreach (var @case in open)
        {
            var deadline = @case.NextDeadline is { } due
                ? $" · {context.Text("case.fact.nextDeadline")} {clock.ToLocal(due).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}"
                : "";
            card.Add(
                CardElements.Text($"**{@case.Number}** {@case.Title}"),
                CardElements.Text($"{context.Text($"state.{@case.State}")} · {context.Text($"level.{@case.Level}")}{deadline}", subtle: true));
        }

        var total = cases.CountOpenCases(units.ToList());
        if (total > open.Count)
            card.Add(CardElements.Text(context.Text("my.more", total - open.Count), subtle: true));
        return context.ReplyAsync(card.ToActivity(context.Text("my.title")), cancellationToken);
    }
}
