using System.Text.RegularExpressions;
using OpinionBot.Localization;

namespace OpinionBot.Tests.Localization;

public sealed partial class LanguageTests
{
    [Theory]
    [InlineData("跳舞", "en-US", Language.ZhCn)]
    [InlineData("dance", "zh-CN", Language.ZhCn)]
    [InlineData("dance", "en-GB", Language.EnUs)]
    [InlineData("dance", null, Language.EnUs)]
    [InlineData("dance", "fr-FR", Language.EnUs)]
    [InlineData("", null, Language.ZhCn)]
    [InlineData("2026", "en-US", Language.EnUs)]
    [InlineData("2026", null, Language.ZhCn)]
    public void Detects_the_answer_language_from_text_then_locale_then_default(string text, string? locale, Language expected) =>
        Assert.Equal(expected, LanguageDetector.Detect(text, locale, Language.ZhCn));

    [Theory]
    [InlineData("上报", null, null, Language.ZhCn)]
    [InlineData("report", "report", Language.EnUs, Language.EnUs)]
    [InlineData("update 2026-0042 已删帖", "update", Language.EnUs, Language.EnUs)]
    [InlineData("查看 2026-0042", "查看", Language.ZhCn, Language.ZhCn)]
    [InlineData("?", "?", Language.EnUs, null)]
    [InlineData("dance", null, null, Language.EnUs)]
    [InlineData("https://weibo.com/1/abc 网传视频", null, null, Language.ZhCn)]
    [InlineData("https://weibo.com/1/abc", null, null, null)]
    [InlineData("2026-0042", null, null, null)]
    [InlineData("", null, null, null)]
    public void Learns_the_typed_language_from_the_text_never_from_the_locale(string text, string? word, Language? commandLanguage, Language? expected) =>
        Assert.Equal(expected, TypedLanguage.Of(text, word, commandLanguage));

    [Fact]
    public void Every_text_exists_in_both_languages_with_the_same_placeholders()
    {
        var english = BotTexts.Keys(Language.EnUs);
        var chinese = BotTexts.Keys(Language.ZhCn);
        var texts = new BotTexts();

        Assert.NotEmpty(english);
        Assert.Equal(english, chinese);
        foreach (var key in english)
        {
            var en = texts.Get(Language.EnUs, key);
            var zh = texts.Get(Language.ZhCn, key);
            Assert.False(string.IsNullOrWhiteSpace(en), key);
            if (en.Any(char.IsAsciiLetter))
                Assert.NotEqual(en, zh);
            Assert.Equal(Placeholders(en), Placeholders(zh));
        }
    }

    [Fact]
    public void An_unknown_text_key_fails_loudly() =>
        Assert.Throws<KeyNotFoundException>(() => new BotTexts().Get(Language.EnUs, "no.such.key"));

    private static string[] Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
