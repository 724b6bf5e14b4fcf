using System.Globalization;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Briefings;

/// <summary>The daily briefing and weekly summary cards. Lists are capped so a card stays far below Teams' 28 KB.</summary>
public sealed class BriefingCards(BotTexts texts, OrganizationClock clock, IRosterStore roster)
{
    public const int MaxUnitRows = 25;
    public const int MaxMissedUnits = 60;
    private const int MaxTitle = 60;

    /// <summary>The daily briefing; <paramref name="officeNotes"/> are the office's own lines (only its conversation's card has them).</summary>
    public AdaptiveCard Daily(DailyFigures f, Language language, bool late, IReadOnlyList<string>? officeNotes = null)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var names = UnitNames();
        var card = new AdaptiveCard().Add(CardElements.Heading(Title(T("briefing.daily.title", Day(f.Day)), late, language)));
        foreach (var note in officeNotes ?? [])
            card.Add(CardElements.Attention(note));
        card.AddAction(Records.SpecialReport.BriefingReportButton.Daily(f.Day, language, T("report.briefing.download")));

        card.Add(CardElements.Text(T("briefing.newCases", f.NewCases), bold: true));
        if (f.NewCases > 0)
        {
            card.Add(CardElements.Text(T("briefing.byLevel"), subtle: true),
                CardElements.Facts(f.ByLevel.Select(l => (T($"level.{l.Level}"), N(l.Count)))));
            card.Add(CardElements.Text(T("briefing.byUnit"), subtle: true),
                CardElements.Facts(Capped(f.ByUnit.Select(u => (Name(names, u.UnitId), N(u.Count))), MaxUnitRows, f.ByUnit.Count, T)));
            card.Add(CardElements.Text(T("briefing.byPlatform"), subtle: true),
                CardElements.Facts(f.ByPlatform.Select(p => (T($"platform.{p.Platform}"), N(p.Count)))));
        }

        card.Add(CardElements.Text(T("briefing.open", f.OpenCases, f.OverdueCases), bold: true));
        foreach (var c in f.OpenShown)
            card.Add(CaseLine(c, names, language));
        if (f.OpenCases > f.OpenShown.Count)
            card.Add(CardElements.Text(T("briefing.more", f.OpenCases - f.OpenShown.Count), subtle: true));

        card.Add(CardElements.Text(T("briefing.missed.title"), bold: true));
        if (!f.ReportingDay)
            card.Add(CardElements.Text(T("briefing.missed.notReportingDay", Day(f.Day)), subtle: true));
        else if (f.MissedReportUnits.Count == 0)
            card.Add(CardElements.Text(T("briefing.missed.none"), subtle: true));
        else
        {
            var separator = language == Language.ZhCn ? "、" : ", ";
            var listed = string.Join(separator, f.MissedReportUnits.Take(MaxMissedUnits).Select(u => Name(names, u)));
            if (f.MissedReportUnits.Count > MaxMissedUnits)
                listed += " " + T("briefing.moreUnits", f.MissedReportUnits.Count - MaxMissedUnits);
            card.Add(CardElements.Attention(listed));
        }

        card.Add(CardElements.Text(T("briefing.waiting.title", f.WaitingForLeader), bold: true));
        foreach (var c in f.WaitingShown)
            card.Add(CaseLine(c, names, language));
        if (f.WaitingForLeader > f.WaitingShown.Count)
            card.Add(CardElements.Text(T("briefing.more", f.WaitingForLeader - f.WaitingShown.Count), subtle: true));
        return card;
    }

    /// <summary>The weekly summary (or, with <paramref name="soFar"/>, the current week's figures for <c>stats</c>).</summary>
    public AdaptiveCard Weekly(WeeklyFigures f, Language language, bool late, bool soFar = false)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var names = UnitNames();
        var title = T(soFar ? "briefing.stats.title" : "briefing.weekly.title", Day(f.Monday), Day(f.Through));
        var card = new AdaptiveCard().Add(CardElements.Heading(Title(title, late, language)));
        card.AddAction(Records.SpecialReport.BriefingReportButton.Weekly(f.Monday, f.Through, language, T("report.briefing.download")));

        card.Add(CardElements.Text(T("briefing.weekly.cases", f.Cases), bold: true));
        if (f.Cases > 0)
            card.Add(CardElements.Facts(f.ByLevel.Select(l => (T($"level.{l.Level}"), N(l.Count)))));
        card.Add(CardElements.Text(T("briefing.weekly.slips", f.Slips, f.Escalations), bold: true));

        var reported = f.Units.Sum(u => u.ReportedDays);
        var owed = f.Units.Sum(u => u.ReportingDays);
        card.Add(CardElements.Text(T("briefing.weekly.compliance", Percent(reported, owed), reported, owed), bold: true));

        card.Add(CardElements.Text(T("briefing.weekly.units"), bold: true));
        foreach (var unit in f.Units.Take(MaxUnitRows))
        {
            var clocks = unit.Clocks.Count == 0
                ? T("briefing.weekly.noStepsDone")
                : string.Join(" · ", unit.Clocks.Select(c => T("briefing.weekly.clockRate", T($"briefing.clock.{c.Clock}"), c.OnTime, c.Done, Percent(c.OnTime, c.Done))));
            card.Add(
                CardElements.Text($"**{Name(names, unit.UnitId)}** — {T("briefing.weekly.unitLine", unit.Cases, unit.ReportedDays, unit.ReportingDays, unit.Slips, unit.Escalations)}"),
                CardElements.Text(clocks, subtle: true));
        }

        if (f.Units.Count > MaxUnitRows)
            card.Add(CardElements.Text(T("briefing.moreUnits", f.Units.Count - MaxUnitRows), subtle: true));

        card.Add(CardElements.Text(T("briefing.weekly.trend"), bold: true),
            CardElements.Facts(f.Trend.Select(w => (T("briefing.weekly.weekOf", Day(w.Monday)), N(w.Cases)))));
        return card;
    }

    private Dictionary<string, string> UnitNames() => roster.AllUnits().ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);

    private System.Text.Json.Nodes.JsonObject CaseLine(BriefingCase c, Dictionary<string, string> names, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        var title = c.Title.Length <= MaxTitle ? c.Title : c.Title[..MaxTitle] + "…";
        var line = $"**{c.Number}** {title} · {T($"level.{c.Level}")} · {Name(names, c.UnitId)} · {T($"state.{c.State}")}";
        if (c.OverdueSince is { } since)
            return CardElements.Attention($"{line} · {T("briefing.overdueSince", clock.ToLocal(since).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture))}");
        return CardElements.Text(line);
    }

    private static IEnumerable<(string, string)> Capped(IEnumerable<(string, string)> rows, int cap, int total, Func<string, object?[], string> text) =>
        total <= cap ? rows : rows.Take(cap).Append(("…", text("briefing.moreUnits", [total - cap])));

    private string Title(string title, bool late, Language language) => late ? texts.Get(language, "briefing.late", title) : title;

    private static string Name(Dictionary<string, string> names, string unitId) => names.GetValueOrDefault(unitId, unitId);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
