using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases.Intake;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Cases.Commands;

/// <summary>A message with link(s) and some text (no command) gets an intake card pre-filled from it.</summary>
public sealed class PastedLinkIntake(IRosterStore roster, OrganizationClock clock, BotTexts texts) : IFreeTextHandler
{
    public bool CanHandle(Activity activity, string text) => LinkPaste.HasLinks(text);

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!CaseAccess.CanReport(context.Actor))
            return context.ReplyTextAsync("access.officersOnly", cancellationToken);

        var units = CaseAccess.ReportableUnits(context.Actor, roster.AllUnits());
        var values = IntakeStart.New(context.Actor, units, clock);
        var links = LinkPaste.Links(context.Arguments);
        values[IntakeFields.Links] = string.Join("\n", links.Take(IntakeFields.MaxLinks));
        values[IntakeFields.Title] = LinkPaste.Title(context.Arguments, IntakeFields.MaxTitleLength);
        if (LinkPaste.Guess(links) is { } platform)
            values[IntakeFields.Platform] = platform.ToString();

        var card = IntakeCard.Build(values, [], units, context.Language, texts, prefilled: true);
        return context.ReplyAsync(card.ToActivity(context.Text("intake.title")), cancellationToken);
    }
}
