using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Briefings;
using OpinionBot.Localization;
using OpinionBot.Records.SpecialReport;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Records;

/// <summary>The briefing cards' "Download (.docx)" button: the same kind of document as the special report.</summary>
public sealed class BriefingReportTests : RecordsTestBase
{
    [Fact]
    public async Task The_daily_briefing_downloads_as_a_report_with_the_four_sections()
    {
        var number = await ReportAsync();
        var card = BriefingCard(daily: true);

        var answer = await PressAsync(Office, BriefingReportButton.Verb, ButtonData(card, BriefingReportButton.Verb));

        Assert.Contains("舆情每日简报_2026-11-23.docx", Text(answer), StringComparison.Ordinal);
        Assert.Contains("每日简报", Text(answer), StringComparison.Ordinal);
        var report = OpenXmlFiles.ReadDocument(await DownloadAsync(DownloadUrl(answer)));
        Assert.Equal(["舆情每日简报"], report.Paragraphs.Where(p => p.Style == "Title").Select(p => p.Text));
        Assert.Equal(["一、基本情况", "二、舆情态势", "三、处置情况", "四、下一步工作"], report.Paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        Assert.Contains(report.Paragraphs, p => p.Text == "2026-11-23 新增舆情事件 1 起。");
        Assert.Contains(report.Tables, t => t.Any(r => r[0] == number));
        Assert.Equal(["舆情办", "2026年11月23日"], report.Paragraphs.TakeLast(2).Select(p => p.Text));
    }

    [Fact]
    public async Task The_weekly_summary_downloads_with_the_weekly_chart_embedded()
    {
        await ReportAsync();
        var card = BriefingCard(daily: false);

        var answer = await PressAsync(Office, BriefingReportButton.Verb, ButtonData(card, BriefingReportButton.Verb));

        var report = OpenXmlFiles.ReadDocument(await DownloadAsync(DownloadUrl(answer)));
        Assert.Equal(["舆情每周汇总"], report.Paragraphs.Where(p => p.Style == "Title").Select(p => p.Text));
        Assert.Contains(report.Paragraphs, p => p.Text == "2026-11-23 ~ 2026-11-29 共上报舆情事件 1 起。");
        var chart = Bot.Services.GetRequiredService<WeeklyChart>().Render([new WeekCount(new DateOnly(2026, 11, 23), 1)]);
        Assert.Equal(chart is null ? 0 : 1, report.Images);
    }

    [Fact]
    public async Task An_officer_is_refused_on_the_card_because_a_briefing_covers_every_unit()
    {
        var answer = await PressAsync(TeamsActivities.Officer, BriefingReportButton.Verb, ButtonData(BriefingCard(daily: true), BriefingReportButton.Verb));

        Assert.Equal(400, answer.GetProperty("statusCode").GetInt32());
        Assert.Contains("仅舆情办和领导小组组长", Text(answer), StringComparison.Ordinal);
        Assert.Equal(0, Database.GetCollection("download_links").Count());
    }

    private System.Text.Json.JsonElement BriefingCard(bool daily)
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        var aggregator = Bot.Services.GetRequiredService<BriefingAggregator>();
        var cards = Bot.Services.GetRequiredService<BriefingCards>();
        var today = new DateOnly(2026, 11, 23);
        var card = daily
            ? cards.Daily(aggregator.Daily(today, Bot.Clock.GetUtcNow()), Language.ZhCn, late: false)
            : cards.Weekly(aggregator.Weekly(today, today.AddDays(6)), Language.ZhCn, late: false);
        return System.Text.Json.JsonDocument.Parse(card.ToJson().ToJsonString()).RootElement.Clone();
    }
}
