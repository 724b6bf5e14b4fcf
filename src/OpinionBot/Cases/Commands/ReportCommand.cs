using OpinionBot.Bot;
using OpinionBot.Cases.Intake;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Commands;

/// <summary><c>report</c> / <c>上报</c>: the intake card.</summary>
public sealed class ReportCommand(IRosterStore roster, OrganizationClock clock, BotTexts texts) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("report", Language.EnUs), new("上报", Language.ZhCn)];

    public string DescriptionKey => "command.report.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!CaseAccess.CanReport(context.Actor))
            return context.ReplyTextAsync("access.officersOnly", cancellationToken);

        var units = CaseAccess.ReportableUnits(context.Actor, roster.AllUnits());
        var values = IntakeStart.New(context.Actor, units, clock);
        var card = IntakeCard.Build(values, [], units, context.Language, texts);
        return context.ReplyAsync(card.ToActivity(context.Text("intake.title")), cancellationToken);
    }
}
