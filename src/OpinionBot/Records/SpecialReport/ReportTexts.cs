using System.Globalization;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Records.SpecialReport;

/// <summary>Texts, times and dates for a report in one language, times in the organisation's zone.</summary>
public sealed class ReportTexts(BotTexts texts, OrganizationClock clock, Language language)
{
    public Language Language => language;

    public string this[string key] => texts.Get(language, key);

    public string Get(string key, params object?[] args) => texts.Get(language, key, args);

    public string Of<TEnum>(string prefix, TEnum value) where TEnum : struct, Enum => texts.Get(language, $"{prefix}.{value}");

    public string Time(DateTimeOffset? utc) => utc is { } value ? clock.ToLocal(value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : this["case.none"];

    public string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date under a signature: <c>2026年11月23日</c> or <c>23 November 2026</c>.</summary>
    public string SignatureDate(DateTimeOffset utc)
    {
        var local = clock.ToLocal(utc);
        return language == Language.ZhCn
            ? $"{local.Year}年{local.Month}月{local.Day}日"
            : local.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-US"));
    }

    public string List(IEnumerable<string> items) => string.Join(language == Language.ZhCn ? "、" : ", ", items);

    public string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    public string Hours(double hours) => hours.ToString("0.#", CultureInfo.InvariantCulture);
}
