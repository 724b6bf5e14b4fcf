using System.Globalization;
using Microsoft.Extensions.Options;
using OpinionBot.Cards;
using OpinionBot.Localization;

namespace OpinionBot.Cases.Levels;

/// <summary>
/// The suggested level as one line on a card ("建议不低于 II 级：群体性"): subtle when the case's level meets it, an
/// attention line when the case is less serious than suggested. Nothing when nothing suggests a level.
/// </summary>
public sealed class LevelSuggestionLine(IOptions<LevelSuggestionOptions> options, BotTexts texts)
{
    public LevelSuggestionRules Rules { get; } = LevelSuggestionRules.From(options.Value);

    public LevelSuggestion For(Case c) => LevelSuggestion.For(c, Rules);

    public string? Text(Case c, Language language)
    {
        var suggestion = For(c);
        if (suggestion.Minimum is not { } minimum) return null;

        var reasons = string.Join(language == Language.ZhCn ? "、" : ", ", suggestion.Reasons.Select(r => Reason(r, language)));
        return suggestion.IsAbove(c.Level)
            ? texts.Get(language, "suggestion.lineBelow", minimum, reasons, c.Level)
            : texts.Get(language, "suggestion.line", minimum, reasons);
    }

    /// <summary>Adds the line to <paramref name="card"/> (when there is a suggestion).</summary>
    public AdaptiveCard AddTo(AdaptiveCard card, Case c, Language language)
    {
        if (Text(c, language) is not { } text) return card;
        return card.Add(For(c).IsAbove(c.Level) ? CardElements.Attention(text) : CardElements.Text(text, subtle: true));
    }

    private string Reason(SuggestionReason reason, Language language) => reason switch
    {
        { Flag: { } flag } => texts.Get(language, $"flag.{flag}"),
        { Measure: { } measure } => texts.Get(language, $"suggestion.{measure}", reason.Threshold.ToString("N0", CultureInfo.InvariantCulture)),
        _ => "",
    };
}
