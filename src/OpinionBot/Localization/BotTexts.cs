using System.Globalization;
using System.Resources;

namespace OpinionBot.Localization;

/// <summary>Every user-facing string, in zh-CN and en-US, from <c>Strings.resx</c> and <c>Strings.zh-CN.resx</c>.</summary>
public sealed class BotTexts
{
    private static readonly ResourceManager Resources = new("OpinionBot.Localization.Strings", typeof(BotTexts).Assembly);

    public string Get(Language language, string key, params object?[] args)
    {
        var culture = language.Culture();
        var text = Resources.GetString(key, culture)
            ?? throw new KeyNotFoundException($"No text '{key}' in {culture.Name}.");
        return args.Length == 0 ? text : string.Format(culture, text, args);
    }

    /// <summary>All keys of the neutral (en-US) resource set.</summary>
    public static IReadOnlyList<string> Keys(Language language)
    {
        var set = Resources.GetResourceSet(language.Culture(), createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for {language.Tag()}.");
        return set.Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order(StringComparer.Ordinal).ToList();
    }
}
