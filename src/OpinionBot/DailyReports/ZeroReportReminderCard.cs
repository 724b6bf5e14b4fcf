using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.Cards;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.DailyReports;

/// <summary>The afternoon reminder to a unit's officers, with a one-tap zero report.</summary>
public sealed class ZeroReportReminderCard(BotTexts texts)
{
    public const string ZeroReportVerb = "zero.report";

    public AdaptiveCard Build(Unit unit, DateOnly day, string deadline, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new AdaptiveCard()
            .Add(CardElements.Heading(T("zeroReminder.title")), CardElements.Text(T("zeroReminder.text", unit.Name, dayText, deadline)))
            .AddAction(CardElements.Execute(T("zeroReminder.button"), ZeroReportVerb,
                new JsonObject { ["unitId"] = unit.Id, ["day"] = dayText, ["lang"] = language.Tag() }));
    }
}
