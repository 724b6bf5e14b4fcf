using System.Text.RegularExpressions;

namespace OpinionBot.Localization;

/// <summary>
/// The language a person typed a message in, for what the bot remembers about them and their conversations. Only
/// the text counts — never the activity's <c>locale</c>, which is the client's setting (the Agents Playground sends
/// en-US whatever is typed). A command word decides for its own language (<c>case 2026-0042 已删帖</c> is English, as its
/// answer is); otherwise Chinese characters mean Chinese and Latin letters English, links aside. A message with
/// neither (a number, a bare link, files only) teaches nothing.
/// </summary>
public static partial class TypedLanguage
{
    public static Language? Of(string? text, string? commandWord = null, Language? commandLanguage = null)
    {
        if (commandLanguage is { } command && commandWord is not null && commandWord.Any(char.IsLetter))
            return command;
        if (string.IsNullOrWhiteSpace(text))
            return null;

        var words = Links().Replace(text, " ");
        if (words.Any(LanguageDetector.IsCjk)) return Language.ZhCn;
        if (words.Any(char.IsAsciiLetter)) return Language.EnUs;
        return null;
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Links();
}
