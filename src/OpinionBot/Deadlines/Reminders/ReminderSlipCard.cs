using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Deadlines.Reminders;

/// <summary>The reminder slip (提醒单): the case, what is owed, how late it is, and a button to open the case.</summary>
public sealed class ReminderSlipCard(BotTexts texts, OrganizationClock clock)
{
    public const string OpenCaseVerb = "case.open";

    public AdaptiveCard Build(Case c, OwedStep step, int slip, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var late = clock.UtcNow - step.DueAt;
        return new AdaptiveCard()
            .Add(
                CardElements.Heading(T("slip.title", slip, c.Number)),
                CardElements.Text($"**{c.Title}**"),
                CardElements.Facts(
                [
                    (T("slip.owed"), T($"clock.{step.Clock}")),
                    (T("slip.owedBy"), T($"owner.{step.OwedBy}")),
                    (T("slip.due"), clock.ToLocal(step.DueAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
                    (T("slip.late"), Duration(late, language)),
                    (T("case.fact.state"), T($"state.{c.State}")),
                ]),
                CardElements.Text(T("slip.footer"), subtle: true))
            .AddAction(CardElements.Execute(T("slip.open"), OpenCaseVerb, new JsonObject { ["caseNumber"] = c.Number, ["lang"] = language.Tag() }));
    }

    public string Duration(TimeSpan span, Language language)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        var days = (int)span.TotalDays;
        return days > 0
            ? texts.Get(language, "duration.daysHours", days, span.Hours)
            : texts.Get(language, "duration.hoursMinutes", (int)span.TotalHours, span.Minutes);
    }
}
