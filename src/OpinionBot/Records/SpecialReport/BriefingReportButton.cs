using System.Globalization;
using System.Text.Json.Nodes;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Briefings;
using OpinionBot.Cards;
using OpinionBot.Localization;

namespace OpinionBot.Records.SpecialReport;

/// <summary>The "Download (.docx)" button of the daily briefing and weekly summary cards, and its data.</summary>
public sealed record BriefingReportButton(BriefingKind Kind, DateOnly From, DateOnly Through, Language Language)
{
    public const string Verb = "briefing.docx";

    /// <summary>The longest period a button may ask for (a week).</summary>
    public const int MaxDays = 7;

    public static JsonObject Daily(DateOnly day, Language language, string title) => Button(BriefingKind.Daily, day, day, language, title);

    public static JsonObject Weekly(DateOnly monday, DateOnly through, Language language, string title) => Button(BriefingKind.Weekly, monday, through, language, title);

    /// <summary>The button's data as pressed, or null when it is not a valid request.</summary>
    public static BriefingReportButton? Parse(object? data)
    {
        var values = BotJson.Convert<Dictionary<string, object?>>(data);
        if (values is null) return null;
        string Get(string key) => values.GetValueOrDefault(key)?.ToString() ?? "";
        if (!Enum.TryParse<BriefingKind>(Get("kind"), ignoreCase: true, out var kind) || !Enum.IsDefined(kind)) return null;
        if (!DateOnly.TryParseExact(Get("from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) return null;
        if (!DateOnly.TryParseExact(Get("through"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var through)) return null;
        if (through < from || through.DayNumber - from.DayNumber >= MaxDays) return null;
        if (kind == BriefingKind.Daily && from != through) return null;
        if (kind == BriefingKind.Weekly && from.DayOfWeek != DayOfWeek.Monday) return null;
        return new BriefingReportButton(kind, from, through, LanguageTags.FromLocale(Get("lang")) ?? Language.ZhCn);
    }

    private static JsonObject Button(BriefingKind kind, DateOnly from, DateOnly through, Language language, string title) =>
        CardElements.Execute(title, Verb, new JsonObject
        {
            ["kind"] = kind.ToString(),
            ["from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["through"] = through.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["lang"] = language.Tag(),
        });
}
