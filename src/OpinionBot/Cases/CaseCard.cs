using System.Globalization;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Cases;

/// <summary>The case card: the incident log's fields, its links and summary, its evidence files, and the latest timeline entries.</summary>
public sealed class CaseCard(BotTexts texts, OrganizationClock clock, IRosterStore roster, Levels.LevelSuggestionLine levelSuggestion, Records.Evidence.EvidenceList evidenceList)
{
    public const int TimelineEntriesShown = 10;
    public const int TimelineCommentShown = 200;
    public const int StatementsShown = 5;

    public AdaptiveCard Build(Case @case, IReadOnlyList<CaseEvent> timeline, int evidenceCount, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var none = T("case.none");
        var unitName = roster.FindUnit(@case.UnitId)?.Name ?? @case.UnitId;

        var facts = new List<(string, string)>
        {
            (T("case.fact.state"), T($"state.{@case.State}")),
            (T("case.fact.level"), T($"level.{@case.Level}")),
            (T("case.fact.category"), T($"category.{@case.Category}")),
            (T("case.fact.platform"), T($"platform.{@case.Platform}")),
            (T("case.fact.unit"), unitName),
            (T("case.fact.reporter"), @case.ReporterName),
            (T("case.fact.published"), @case.PublishedAt is { } published ? Time(published) : none),
            (T("case.fact.discovered"), Time(@case.DiscoveredAt)),
            (T("case.fact.reported"), Time(@case.ReportedAt)),
            (T("case.fact.nextDeadline"), @case.NextDeadline is { } deadline ? Time(deadline) : none),
            (T("case.fact.flags"), @case.Flags.Count == 0 ? none : string.Join(language == Language.ZhCn ? "、" : ", ", @case.Flags.Select(f => T($"flag.{f}")))),
            (T("case.fact.reach"), T("case.reachValue", Count(@case.Reach.Reposts), Count(@case.Reach.Comments), Count(@case.Reach.Views))),
            (T("case.fact.tendency"), @case.CommentTendency is { } tendency ? T($"tendency.{tendency}") : none),
            (T("case.fact.evidence"), T("case.evidenceValue", evidenceCount)),
        };
        if (@case.Escalated)
            facts.Insert(1, (T("case.fact.escalated"), T("case.escalatedValue")));
        if (@case.Dispatches.Count(d => !d.Withdrawn) is > 0)
            facts.Add((T("case.fact.dispatches"), string.Join(language == Language.ZhCn ? "、" : ", ", @case.Dispatches.Where(d => !d.Withdrawn).Select(d => Dispatch(d, language)))));
        if (@case.RelatedCases.Count > 0)
            facts.Add((T("case.fact.related"), string.Join(language == Language.ZhCn ? "、" : ", ", @case.RelatedCases)));

        var card = new AdaptiveCard().Add(
            CardElements.Heading($"{@case.Number} {@case.Title}"),
            CardElements.Facts(facts));
        levelSuggestion.AddTo(card, @case, language);
        card.Add(
            CardElements.Text(T("case.links"), bold: true),
            CardElements.Text(string.Join("\n\n", @case.Links.Select(l => $"[{Shorten(l)}]({l})"))));
        if (@case.Summary.Length > 0)
            card.Add(CardElements.Text(T("case.summary"), bold: true), CardElements.Text(@case.Summary));
        if (evidenceCount > 0)
            card.Add([.. evidenceList.Elements(@case.Number, language)]);

        if (@case.Statements.Count > 0)
        {
            card.Add(CardElements.Text(T("case.statements"), bold: true));
            foreach (var statement in @case.Statements.TakeLast(StatementsShown))
                card.Add(CardElements.Text(Statement(statement, language)));
        }

        card.Add(CardElements.Text(T("case.timeline"), bold: true));
        var shown = timeline.TakeLast(TimelineEntriesShown).ToList();
        if (timeline.Count > shown.Count)
            card.Add(CardElements.Text(T("case.timelineMore", timeline.Count - shown.Count), subtle: true));
        foreach (var entry in shown)
        {
            var comment = entry.Comment.Length > 0 ? $" — {Shorten(entry.Comment, TimelineCommentShown)}" : "";
            card.Add(CardElements.Text($"{Time(entry.At)} · {entry.ActorName} · {T($"event.{entry.Kind}")}{comment}"));
        }

        return card;
    }

    private string Dispatch(Dispatch d, Language language) =>
        texts.Get(language, d.AwaitsAcknowledgement ? "case.dispatchAwaiting" : "case.dispatchAcknowledged",
            roster.FindUnit(d.UnitId)?.Name ?? d.UnitId, texts.Get(language, $"dispatch.role.{d.Role}"));

    private string Statement(Statement statement, Language language)
    {
        var stage = texts.Get(language, $"statement.stage.{statement.Stage}");
        var when = statement.PublishedAt is { } published ? $" {Time(published)}" : "";
        var promise = statement.PromisedDate is { } date ? " · " + texts.Get(language, "approval.promisedDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : "";
        return $"{texts.Get(language, $"statement.kind.{statement.Kind}")} · {stage}{when}{promise} — {Shorten(statement.Text, TimelineCommentShown)}";
    }

    private string Time(DateTimeOffset utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Count(long? value) => value?.ToString("N0", CultureInfo.InvariantCulture) ?? "—";

    private static string Shorten(string text, int max = 80) => ShortText.Cut(text, max);
}
