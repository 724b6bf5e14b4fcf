using OpinionBot.Records.Files;

namespace OpinionBot.Tests.Records;

/// <summary><c>专报 2026-0001</c> / <c>brief 2026-0001</c>: the special report as a .docx, read back with the Open XML SDK.</summary>
public sealed class SpecialReportTests : RecordsTestBase
{
    [Fact]
    public async Task The_special_report_has_the_usual_sections_the_timeline_the_unit_and_the_date()
    {
        var number = await ReportAsync();

        var reply = await SayAsync($"专报 {number}");

        Assert.Contains($"舆情专报_{number}.docx", reply.CardJson, StringComparison.Ordinal);
        var docx = await DownloadAsync(DownloadUrl(reply.Card));
        var report = OpenXmlFiles.ReadDocument(docx);
        string[] Styled(string style) => report.Paragraphs.Where(p => p.Style == style).Select(p => p.Text).ToArray();
        Assert.Equal(["舆情专报"], Styled("Title"));
        Assert.Equal([$"编号 {number} · III 级（较大）", "报送单位：宣传部　　报送日期：2026年11月23日"], Styled("Subtitle"));
        Assert.Equal(["关于“某校食堂视频引发关注”的舆情", "一、基本情况", "二、舆情态势", "三、处置情况", "四、下一步工作"], Styled("Heading1"));
        var text = string.Join("\n", report.Paragraphs.Select(p => p.Text));
        Assert.Contains("2026-11-23 08:00，网民在微博发布“某校食堂视频引发关注”相关内容。", text, StringComparison.Ordinal);
        Assert.Contains("转发 120 次、评论 45 条、浏览 10,000 次，评论倾向为负面", text, StringComparison.Ordinal);
        Assert.Contains("尚未发布回应。", text, StringComparison.Ordinal);
        Assert.Contains("2026-11-23 10:00 交办宣传部（主办）", text, StringComparison.Ordinal);
        Assert.Contains("领导审核（责任人：分管领导）：2026-11-23 11:00 前完成", text, StringComparison.Ordinal);
        Assert.Equal(["宣传部", "2026年11月23日"], report.Paragraphs.TakeLast(2).Select(p => p.Text));

        var facts = report.Tables[0];
        Assert.Contains(facts, r => r[0] == "链接" && r[1] == "https://weibo.com/1234567890/PqRsTuV\nhttps://www.douyin.com/video/7300000000000000000");
        var timeline = report.Tables[1];
        Assert.Equal(["时间", "人员", "事项", "说明"], timeline[0]);
        Assert.Equal(["2026-11-23 10:00", "Li Lei", "上报"], timeline[1][..3]);
        Assert.Equal($"舆情专报 {number} 某校食堂视频引发关注", report.Title);
        Assert.Equal(FileKind.SpecialReport, Links.RecentDownloads().Single().Kind);
        Assert.Equal([number], Links.RecentDownloads().Single().CaseNumbers);
    }

    [Fact]
    public async Task In_english_the_report_and_its_file_name_are_english_and_a_statement_is_shown()
    {
        var number = await ReportAsync();
        Approve(number);
        await SayAsync($"respond {number} We are looking into it.", locale: "en-US");

        var reply = await SayAsync($"brief {number}", locale: "en-US");

        Assert.Contains($"special-report_{number}.docx", reply.CardJson, StringComparison.Ordinal);
        var report = OpenXmlFiles.ReadDocument(await DownloadAsync(DownloadUrl(reply.Card)));
        Assert.Equal(["On “某校食堂视频引发关注”", "1. Overview", "2. Situation", "3. Handling", "4. Next steps"],
            report.Paragraphs.Where(p => p.Style == "Heading1").Select(p => p.Text));
        var text = string.Join("\n", report.Paragraphs.Select(p => p.Text));
        Assert.Contains("first response (awaiting the supervising leader; drafted by Li Lei at 2026-11-23 10:00", text, StringComparison.Ordinal);
        Assert.Contains("We are looking into it.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_case_the_speaker_may_not_see_gets_no_report()
    {
        var number = await ReportAsync();
        Connector.MemberEmails[Testing.TestRoster.OfficerByEmailTeamsId] = Testing.TestRoster.OfficerEmail;

        var reply = await SayAsync($"专报 {number}", EducationOfficer);

        Assert.Contains(number, reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, Database.GetCollection("download_links").Count());
    }
}
