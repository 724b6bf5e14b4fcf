using System.Globalization;
using OpinionBot.Briefings;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Records.SpecialReport;

/// <summary>
/// The daily briefing and the weekly summary as .docx documents of the same kind as the special report (基本情况,
/// 舆情态势, 处置情况, 下一步工作, the office and the date); the weekly one embeds the weekly chart.
/// </summary>
public sealed class BriefingReportWriter(BotTexts texts, OrganizationClock clock, IRosterStore roster)
{
    public string DailyFileName(DateOnly day, Language language) => texts.Get(language, "file.dailyBriefing", Iso(day));

    public string WeeklyFileName(DateOnly monday, DateOnly through, Language language) => texts.Get(language, "file.weeklySummary", $"{Iso(monday)}_{Iso(through)}");

    public byte[] Daily(DailyFigures f, Language language, string author)
    {
        var t = new ReportTexts(texts, clock, language);
        var names = UnitNames();
        var now = clock.UtcNow;
        var document = Start(t, t["report.daily.title"], Iso(f.Day), now);

        document.Heading(t["report.section.basics"]).Paragraph(t.Get("report.daily.basics", Iso(f.Day), f.NewCases));
        if (f.NewCases > 0)
        {
            document.Table([t["briefing.byLevel"], t["report.col.count"]], f.ByLevel.Select(l => Row(t.Of("level", l.Level), l.Count)).ToList(), [4500, 2000])
                .Table([t["briefing.byPlatform"], t["report.col.count"]], f.ByPlatform.Select(p => Row(t.Of("platform", p.Platform), p.Count)).ToList(), [4500, 2000]);
        }

        document.Heading(t["report.section.situation"]).Paragraph(t.Get("report.daily.situation", t.Time(now), f.OpenCases, f.OverdueCases));
        if (f.ByUnit.Count > 0)
            document.Table([t["briefing.byUnit"], t["report.col.count"]], f.ByUnit.Select(u => Row(Name(names, u.UnitId), u.Count)).ToList(), [4500, 2000]);

        document.Heading(t["report.section.handling"]);
        CaseTable(document, f.OpenShown, f.OpenCases, t, names);
        document.Paragraph(!f.ReportingDay ? t.Get("briefing.missed.notReportingDay", Iso(f.Day))
            : f.MissedReportUnits.Count == 0 ? t["briefing.missed.none"]
            : t.Get("report.daily.missed", t.List(f.MissedReportUnits.Select(u => Name(names, u)))));

        document.Heading(t["report.section.next"]).Paragraph(t.Get("briefing.waiting.title", f.WaitingForLeader));
        CaseTable(document, f.WaitingShown, f.WaitingForLeader, t, names);
        if (f.OverdueCases > 0) document.Paragraph(t.Get("report.daily.pushOverdue", f.OverdueCases));
        return Finish(document, t, t.Get("report.daily.fileTitle", Iso(f.Day)), author, now);
    }

    public byte[] Weekly(WeeklyFigures f, byte[]? chartPng, Language language, string author)
    {
        var t = new ReportTexts(texts, clock, language);
        var names = UnitNames();
        var now = clock.UtcNow;
        var period = $"{Iso(f.Monday)} ~ {Iso(f.Through)}";
        var document = Start(t, t["report.weekly.title"], period, now);

        document.Heading(t["report.section.basics"]).Paragraph(t.Get("report.weekly.basics", period, f.Cases));
        if (f.Cases > 0)
            document.Table([t["briefing.byLevel"], t["report.col.count"]], f.ByLevel.Select(l => Row(t.Of("level", l.Level), l.Count)).ToList(), [4500, 2000]);

        document.Heading(t["report.section.situation"]).Paragraph(t["briefing.weekly.trend"])
            .Table([t["report.col.week"], t["report.col.count"]], f.Trend.Select(w => Row(t.Get("briefing.weekly.weekOf", Iso(w.Monday)), w.Cases)).ToList(), [4500, 2000]);
        if (chartPng is not null)
            document.Image(chartPng, WeeklyChart.Width, WeeklyChart.Height, "weekly-cases.png");

        document.Heading(t["report.section.handling"]).Paragraph(t.Get("briefing.weekly.slips", f.Slips, f.Escalations));
        var reported = f.Units.Sum(u => u.ReportedDays);
        var owed = f.Units.Sum(u => u.ReportingDays);
        document.Paragraph(t.Get("briefing.weekly.compliance", Percent(reported, owed), reported, owed));
        document.Table(
            [t["report.col.unit"], t["report.col.cases"], t["report.col.reported"], t["report.col.slips"], t["report.col.onTime"]],
            f.Units.Select(u => (IReadOnlyList<string>)
            [
                Name(names, u.UnitId), N(u.Cases), $"{u.ReportedDays}/{u.ReportingDays}", $"{u.Slips}/{u.Escalations}",
                u.Clocks.Count == 0 ? t["briefing.weekly.noStepsDone"]
                    : string.Join("\n", u.Clocks.Select(c => t.Get("briefing.weekly.clockRate", t.Of("briefing.clock", c.Clock), c.OnTime, c.Done, Percent(c.OnTime, c.Done)))),
            ]).ToList(),
            [2000, 900, 1300, 1300, 3500]);

        document.Heading(t["report.section.next"]);
        var behind = f.Units.Where(u => u.ReportedDays < u.ReportingDays).Select(u => Name(names, u.UnitId)).ToList();
        document.Paragraph(behind.Count == 0 ? t["report.weekly.allReported"] : t.Get("report.weekly.behind", t.List(behind)));
        if (f.Escalations > 0) document.Paragraph(t.Get("report.weekly.escalations", f.Escalations));
        return Finish(document, t, t.Get("report.weekly.fileTitle", period), author, now);
    }

    private static ReportDocument Start(ReportTexts t, string title, string period, DateTimeOffset now) =>
        new ReportDocument().Title(title).Subtitle(period).Subtitle(t.Get("report.unitAndDate", t["report.office"], t.SignatureDate(now)));

    private static byte[] Finish(ReportDocument document, ReportTexts t, string title, string author, DateTimeOffset now) =>
        document.Signature(t["report.office"], t.SignatureDate(now)).ToBytes(title, author, now.UtcDateTime);

    private static void CaseTable(ReportDocument document, IReadOnlyList<BriefingCase> cases, int total, ReportTexts t, Dictionary<string, string> names)
    {
        if (cases.Count == 0) return;
        document.Table(
            [t["report.col.number"], t["report.col.title"], t["report.col.level"], t["report.col.unit"], t["report.col.state"]],
            cases.Select(c => (IReadOnlyList<string>)
            [
                c.Number, c.OverdueSince is { } since ? $"{c.Title}\n{t.Get("briefing.overdueSince", t.Time(since))}" : c.Title,
                t.Of("level", c.Level), Name(names, c.UnitId), t.Of("state", c.State),
            ]).ToList(),
            [1300, 3300, 1500, 1400, 1500]);
        if (total > cases.Count) document.Paragraph(t.Get("briefing.more", total - cases.Count));
    }

    private Dictionary<string, string> UnitNames() => roster.AllUnits().ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);

    private static string Name(Dictionary<string, string> names, string unitId) => names.GetValueOrDefault(unitId, unitId);

    private static IReadOnlyList<string> Row(string label, int count) => [label, N(count)];

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) => whole == 0 ? "—" : (100.0 * part / whole).ToString("0", CultureInfo.InvariantCulture) + "%";
}
