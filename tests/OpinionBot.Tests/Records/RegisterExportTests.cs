using System.Net;
using DocumentFormat.OpenXml.Spreadsheet;
using OpinionBot.Records.Files;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Records;

/// <summary><c>导出台账</c> / <c>export</c> through POST /api/messages, and the workbook through GET /files/{id}.</summary>
public sealed class RegisterExportTests : RecordsTestBase
{
    [Fact]
    public async Task The_office_exports_the_register_and_the_link_serves_a_workbook_that_lists_the_case()
    {
        var number = await ReportAsync();

        var reply = await OfficeSaysAsync("导出台账");

        Assert.Contains("舆情台账_2026-11.xlsx", reply.CardJson, StringComparison.Ordinal);
        using var response = await GetAsync(DownloadUrl(reply.Card));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ContentTypes.Xlsx, response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("舆情台账_2026-11.xlsx", disposition.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        var xlsx = await response.Content.ReadAsByteArrayAsync();
        var sheets = OpenXmlFiles.ReadWorkbook(xlsx);
        Assert.Equal(["事件台账", "每日报告", "按时率"], sheets.Select(s => s.Name));

        var cases = sheets[0];
        Assert.Equal(2, cases.Rows.Count);
        var header = cases.Rows[0];
        var row = cases.Rows[1];
        string? Cell(string column) => row[header.IndexOf(column)];
        Assert.Equal(number, Cell("编号"));
        Assert.Equal("某校食堂视频引发关注", Cell("标题"));
        Assert.Equal("微博", Cell("平台"));
        Assert.Equal("宣传部", Cell("单位"));
        Assert.Equal("III 级（较大）", Cell("级别"));
        Assert.Equal("120", Cell("转发"));
        Assert.Equal(new DateTime(2026, 11, 23, 8, 0, 0), OpenXmlFiles.FromExcel(Cell("发布时间")));
        Assert.Equal(new DateTime(2026, 11, 23, 10, 0, 0), OpenXmlFiles.FromExcel(Cell("上报时间")));
        var publishedStyle = cases.Styles[1][header.IndexOf("发布时间")]!.Value;
        Assert.Equal("yyyy-mm-dd hh:mm", OpenXmlFiles.NumberFormat(xlsx, publishedStyle));
        Assert.Equal(new DateTime(2026, 11, 23, 11, 0, 0), OpenXmlFiles.FromExcel(Cell("领导审核截止")));
        Assert.Null(Cell("领导审核完成"));
        Assert.StartsWith("宣传部（主办），2026-11-23 10:00 交办", Cell("交办"), StringComparison.Ordinal);

        var pane = cases.Worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.StartsWith("A1:", cases.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
        Assert.EndsWith("2", cases.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value, StringComparison.Ordinal);
        Assert.Equal(header.Count, cases.Worksheet.Descendants<Column>().Count(c => c.CustomWidth?.Value == true));

        var compliance = sheets[1];
        Assert.Equal(["日期", "单位", "报送日", "报送情况", "上报事件数", "零报告人", "零报告时间"], compliance.Rows[0]);
        var today = compliance.Rows.Single(r => r[1] == "宣传部" && r[0] is { } d && OpenXmlFiles.FromExcel(d) == new DateTime(2026, 11, 23));
        Assert.Equal(["是", "已报送（上报事件）", "1"], today[2..5]);
        Assert.Equal(23 * 2 + 1, compliance.Rows.Count);
        Assert.Contains(compliance.Rows, r => r[1] == "教育局" && r[3] == "未报送");

        var rates = sheets[2];
        Assert.Equal(["单位", "事件数"], rates.Rows[0][..2]);
        Assert.Equal(["宣传部", "1"], rates.Rows.Single(r => r[0] == "宣传部")[..2]);

        var download = Assert.Single(Links.RecentDownloads());
        Assert.Equal((TestRoster.OfficeEmail, FileKind.Register, 1), (download.IssuedToKey, download.Kind, download.CaseCount));
        Assert.Equal(Bot.Clock.GetUtcNow(), download.At);
        Assert.Contains("2026-11-01..2026-11-30", download.Scope, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_exports_only_their_own_units_cases()
    {
        var own = await ReportAsync();
        Connector.MemberEmails[TestRoster.OfficerByEmailTeamsId] = TestRoster.OfficerEmail;
        await SubmitAsync(IntakeSubmission.Valid(unit: TestRoster.Unit2).With("title", "教育局的事件"), EducationOfficer);

        var reply = await SayAsync("export this month", locale: "en-US");

        Assert.Contains("register_2026-11.xlsx", reply.CardJson, StringComparison.Ordinal);
        var sheets = OpenXmlFiles.ReadWorkbook(await DownloadAsync(DownloadUrl(reply.Card)));
        Assert.Equal(["Cases", "Daily reports", "On-time rates"], sheets.Select(s => s.Name));
        Assert.Equal([own], sheets[0].Rows.Skip(1).Select(r => r[0]));
        Assert.DoesNotContain(sheets[1].Rows.Skip(1), r => r[1] != "宣传部");
        Assert.Equal([TestRoster.Unit1], Links.RecentDownloads().Single().UnitIds);
    }

    [Fact]
    public async Task Links_expire_and_unknown_malformed_or_foreign_ids_get_a_bare_404()
    {
        await ReportAsync();
        var url = DownloadUrl((await OfficeSaysAsync("导出台账 本周")).Card);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(url)).StatusCode);

        var evidenceId = Uri.EscapeDataString("evidence/2026-0001/" + new string('a', 64));
        foreach (var path in new[] { $"/files/{LinkToken.New()}", "/files/short", $"/files/{evidenceId}", "/files/generated%2F6543", "/files/" + url.Segments[^1] + "x" })
        {
            using var unknown = await Bot.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Empty(await unknown.Content.ReadAsByteArrayAsync());
        }

        Bot.Clock.Advance(TimeSpan.FromMinutes(15));
        using var expired = await GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Empty(await expired.Content.ReadAsByteArrayAsync());
        Assert.Single(Links.RecentDownloads());
    }

    [Fact]
    public async Task Expired_links_and_their_files_are_deleted()
    {
        var url = DownloadUrl((await OfficeSaysAsync("导出台账")).Card);
        Bot.Clock.Advance(TimeSpan.FromMinutes(15) + DownloadLinks.DeletionGrace + TimeSpan.FromSeconds(1));

        Links.DeleteExpired(); // the background sweep, on the same fake clock, may have been first
        Assert.Equal(0, Database.GetCollection("download_links").Count());
        Assert.Empty(Database.FileStorage.Find(f => f.Id.StartsWith("generated/")));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Someone_not_on_the_roster_is_refused_and_nothing_is_generated()
    {
        var reply = await SayAsync("导出台账", Stranger);

        Assert.Contains("名册", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Body!.Value.TryGetProperty("attachments", out _) ? "card" : null);
        Assert.Equal(0, Database.GetCollection("download_links").Count());
    }

    [Fact]
    public async Task A_period_the_bot_cannot_read_is_answered_with_examples()
    {
        var reply = await OfficeSaysAsync("导出台账 下个月");

        Assert.Contains("导出台账 2026-11-01..2026-11-30", reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, Database.GetCollection("download_links").Count());
    }
}

/// <summary>Without <c>Bot:PublicUrl</c> there is no link to send: the bot says so instead of generating anything.</summary>
public sealed class DownloadsNotConfiguredTests : Integration.CaseTestBase
{
    [Theory]
    [InlineData("导出台账", "Bot:PublicUrl")]
    [InlineData("专报 2026-0001", "Bot:PublicUrl")]
    [InlineData("归档包 2026-0001", "Bot:PublicUrl")]
    public async Task The_bot_says_downloads_are_not_configured(string command, string named)
    {
        await ReportAsync();
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;

        var reply = await SayAsync(command, TeamsActivities.User(TestRoster.OfficeTeamsId, name: "Chen Jie"));

        Assert.Contains("尚未配置", reply.Text, StringComparison.Ordinal);
        Assert.Contains(named, reply.Text, StringComparison.Ordinal);
        Assert.Equal(0, Database.GetCollection("download_links").Count());
    }
}
