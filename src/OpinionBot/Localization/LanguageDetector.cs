namespace OpinionBot.Localization;

/// <summary>Picks the language of an answer: the command's own language, else the activity's locale, else the organisation's default.</summary>
public static class LanguageDetector
{
    public static Language Detect(string? text, string? locale, Language organisationDefault)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            if (text.Any(IsCjk)) return Language.ZhCn;
            if (text.Any(char.IsAsciiLetter) && LanguageTags.FromLocale(locale) is null) return Language.EnUs;
        }

        return LanguageTags.FromLocale(locale) ?? organisationDefault;
    }

    public static bool IsCjk(char c) => c is (>= '\u4e00' and <= '\u9fff') or (>= '\u3400' and <= '\u4dbf') or (>= '\uf900' and <= '\ufaff');
}
