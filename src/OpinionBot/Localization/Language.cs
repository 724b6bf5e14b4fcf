using System.Globalization;

namespace OpinionBot.Localization;

/// <summary>The two languages the bot speaks.</summary>
public enum Language
{
    ZhCn,
    EnUs,
}

public static class LanguageTags
{
    public const string ZhCn = "zh-CN";
    public const string EnUs = "en-US";

    public static string Tag(this Language language) => language == Language.ZhCn ? ZhCn : EnUs;

    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language.Tag());

    /// <summary><c>zh…</c> → Chinese, <c>en…</c> → English, anything else → null.</summary>
    public static Language? FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale)) return null;
        if (locale.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return Language.ZhCn;
        if (locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return Language.EnUs;
        return null;
    }

    public static bool IsSupportedTag(string? tag) => tag is ZhCn or EnUs;
}
