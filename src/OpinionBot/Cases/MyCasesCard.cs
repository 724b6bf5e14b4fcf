using System.Globalization;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Cases;

/// <summary>A list of open cases: number, title, state, level and next deadline.</summary>
public sealed class MyCasesCard(BotTexts texts, OrganizationClock clock)
{
    public AdaptiveCard Build(IReadOnlyList<Case> open, int total, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var card = new AdaptiveCard().Add(CardElements.Heading(T("my.title")));
        foreach (var @case in open)
        {
            var deadline = @case.NextDeadline is { } due
                ? $" · {T("case.fact.nextDeadline")} {clock.ToLocal(due).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}"
                : "";
            card.Add(
                CardElements.Text($"**{@case.Number}** {@case.Title}"),
                CardElements.Text($"{T($"state.{@case.State}")} · {T($"level.{@case.Level}")}{deadline}", subtle: true));
        }

        if (total > open.Count)
            card.Add(CardElements.Text(T("my.more", total - open.Count), subtle: true));
        return card;
    }
}
