using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Records.Dossier;

namespace OpinionBot.Records.SpecialReport;

/// <summary>
/// The special report (舆情专报) on one case, as a .docx: title, number and level, then 基本情况 (what was posted where
/// and when, reach), 舆情态势 (tendency, spread, level and flags), 处置情况 (statements, dispatches, result, the
/// timeline), 下一步工作 (open steps and their deadlines), with the unit and the date.
/// </summary>
public sealed class CaseReportWriter(BotTexts texts, OrganizationClock clock)
{
    public const int MaxTimelineRows = 500;

    public string FileName(string caseNumber, Language language) => texts.Get(language, "file.specialReport", caseNumber);

    public byte[] Build(CaseDossier d, Language language, string author)
    {
        var t = new ReportTexts(texts, clock, language);
        var c = d.Case;
        var now = clock.UtcNow;
        var document = new ReportDocument()
            .Title(t["report.case.title"])
            .Subtitle(t.Get("report.case.subtitle", c.Number, t.Of("level", c.Level)))
            .Subtitle(t.Get("report.unitAndDate", d.UnitName, t.SignatureDate(now)))
            .Heading(t.Get("report.case.about", c.Title));

        document.Heading(t["report.section.basics"])
            .Paragraph(t.Get("report.case.posted", c.PublishedAt is { } p ? t.Time(p) : t["report.case.publishedUnknown"], t.Of("platform", c.Platform), c.Title))
            .Paragraph(t.Get("report.case.found", d.UnitName, t.Time(c.DiscoveredAt), t.Time(c.ReportedAt), c.ReporterName));
        if (c.Summary.Length > 0) document.Paragraph(c.Summary);
        document.Facts(
        [
            (t["case.links"], string.Join("\n", c.Links)),
            (t["case.fact.platform"], t.Of("platform", c.Platform)),
            (t["case.fact.published"], t.Time(c.PublishedAt)),
            (t["case.fact.discovered"], t.Time(c.DiscoveredAt)),
            (t["case.fact.reported"], t.Time(c.ReportedAt)),
            (t["case.fact.reporter"], c.ReporterName),
            (t["case.fact.unit"], d.UnitName),
            (t["report.case.cooperating"], d.CooperatingUnitNames.Count == 0 ? t["case.none"] : t.List(d.CooperatingUnitNames)),
            (t["case.fact.category"], t.Of("category", c.Category)),
            (t["case.fact.reach"], t.Get("case.reachValue", t.Count(c.Reach.Reposts), t.Count(c.Reach.Comments), t.Count(c.Reach.Views))),
            (t["case.fact.evidence"], t.Get("case.evidenceValue", d.Evidence.Count)),
        ]);

        document.Heading(t["report.section.situation"])
            .Paragraph(t.Get("report.case.reach", t.Count(c.Reach.Reposts), t.Count(c.Reach.Comments), t.Count(c.Reach.Views),
                c.CommentTendency is { } tendency ? t.Of("tendency", tendency) : t["report.case.tendencyUnknown"]))
            .Paragraph(t.Get("report.case.level", t.Of("level", c.Level),
                c.Flags.Count == 0 ? t["case.none"] : t.List(c.Flags.Select(f => t.Of("flag", f))), t.Of("state", c.State)));
        if (c.Escalated) document.Paragraph(t["report.case.escalated"]);

        Handling(document, d, t);
        NextSteps(document, d, t, now);
        return document.Signature(d.UnitName, t.SignatureDate(now))
            .ToBytes(t.Get("report.case.fileTitle", c.Number, c.Title), author, now.UtcDateTime);
    }

    private static void Handling(ReportDocument document, CaseDossier d, ReportTexts t)
    {
        document.Heading(t["report.section.handling"]);
        if (d.Statements.Count == 0)
            document.Paragraph(t["report.case.noStatement"]);
        foreach (var s in d.Statements)
        {
            document.Paragraph(t.Get("report.case.statement", t[s.KindKey], t[s.StageKey], s.DraftedBy, t.Time(s.DraftedAt), s.SignedBy ?? t["case.none"], t.Time(s.PublishedAt)))
                .Paragraph(s.Text);
            if (s.PromisedDate is { } promised)
                document.Paragraph(t.Get("report.case.promised", t.Day(promised)));
        }

        foreach (var dispatch in d.Dispatches)
        {
            var acknowledged = dispatch.Withdrawn ? t["report.case.dispatchWithdrawn"]
                : dispatch.AcknowledgedAt is { } at ? t.Get("report.case.dispatchAcknowledged", t.Time(at), dispatch.AcknowledgedBy ?? "")
                : t["report.case.dispatchOpen"];
            document.Paragraph(t.Get("report.case.dispatch", d.NameOf(dispatch.UnitId), t[dispatch.RoleKey], t.Time(dispatch.At), acknowledged));
        }

        if (d.Case.RelatedCases.Count > 0)
            document.Paragraph(t.Get("report.case.related", t.List(d.Case.RelatedCases)));
        if (d.Case.Reopened > 0)
            document.Paragraph(t.Get("report.case.reopened", d.Case.Reopened));
        if (d.Case.HandlingResult is { Length: > 0 } result)
            document.Paragraph(t.Get("report.case.result", result));
        if (d.Case.ClosingReview is { Length: > 0 } review)
            document.Paragraph(t.Get("report.case.review", review));

        document.Paragraph(t["report.case.timeline"]);
        var rows = d.Timeline.Take(MaxTimelineRows)
            .Select(e => (IReadOnlyList<string>)[t.Time(e.At), e.ActorName, t.Of("event", e.Kind), e.Comment])
            .ToList();
        document.Table([t["report.col.time"], t["report.col.who"], t["report.col.what"], t["report.col.comment"]], rows, [1900, 1500, 1900, 3700]);
        if (d.Timeline.Count > MaxTimelineRows)
            document.Paragraph(t.Get("case.timelineMore", d.Timeline.Count - MaxTimelineRows));
    }

    private static void NextSteps(ReportDocument document, CaseDossier d, ReportTexts t, DateTimeOffset now)
    {
        document.Heading(t["report.section.next"]);
        var open = d.OpenSteps;
        if (open.Count == 0)
        {
            document.Paragraph(d.Case.State.IsOpen() ? t["report.case.nothingOwed"] : t.Get("report.case.closed", t.Of("state", d.Case.State)));
            return;
        }

        foreach (var step in open)
        {
            var late = now > step.DueAt ? t.Get("report.case.late", t.Hours((now - step.DueAt).TotalHours)) : "";
            document.Paragraph(t.Get("report.case.openStep", t.Of("clock", step.Clock), t.Of("owner", step.OwedBy), t.Time(step.DueAt), late));
        }
    }
}
