using OpinionBot.Localization;

namespace OpinionBot.Records.Register;

/// <summary>The register's words in one language, looked up once each (a register may have a hundred thousand rows).</summary>
public sealed class RegisterTexts(BotTexts texts, Language language)
{
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Prefix, Type Type, long Value), string> _enums = [];

    public Language Language => language;

    public string this[string key] => _cache.TryGetValue(key, out var text) ? text : _cache[key] = texts.Get(language, key);

    public string Get(string key, params object?[] args) => texts.Get(language, key, args);

    /// <summary>The text of <c>{prefix}.{value}</c> (e.g. <c>level.III</c>), looked up once per value.</summary>
    public string Of<TEnum>(string prefix, TEnum value) where TEnum : struct, Enum
    {
        var key = (prefix, typeof(TEnum), Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        return _enums.TryGetValue(key, out var text) ? text : _enums[key] = this[$"{prefix}.{value}"];
    }

    public string List(IEnumerable<string> items) => string.Join(language == Language.ZhCn ? "、" : ", ", items);
}
