using System.Security.Cryptography;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

public sealed class ZeroReportAndEvidenceTests : CaseTestBase
{
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Evidence:MaxFileBytes"] = "4096" };

    [Fact]
    public async Task A_zero_report_is_recorded_once_per_unit_and_day()
    {
        var first = await SayAsync("零报告");
        var again = await SayAsync("零报告");

        Assert.Equal("已记录 宣传部 2026-11-23 的零报告。", first.Text);
        Assert.Equal("宣传部 已报送 2026-11-23 的零报告，本次未重复记录。", again.Text);
        Assert.Equal(1, Database.GetCollection("zero_reports").Count());
    }

    [Fact]
    public async Task A_zero_report_is_refused_when_the_unit_already_reported_a_case_today()
    {
        var number = await ReportAsync();

        var reply = await SayAsync("zero", locale: "en-US");

        Assert.StartsWith($"宣传部 already reported a case today ({number})", reply.Text);
        Assert.Equal(0, Database.GetCollection("zero_reports").Count());
    }

    private Dictionary<string, object?> MessageWithImage(string text, string fileId, string? id = null)
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, text, locale: "zh-CN", id: id);
        message["attachments"] = new object[]
        {
            new { contentType = "image/png", contentUrl = $"{Connector.ServiceUrl}v3/attachments/{fileId}/views/original", name = "screenshot.png" },
            new { contentType = "text/html", content = "<div>copy of the message</div>" },
        };
        return message;
    }

    [Fact]
    public async Task Attach_downloads_the_image_with_the_bots_token_and_keeps_it_with_its_sha256()
    {
        var number = await ReportAsync();
        var bytes = RandomNumberGenerator.GetBytes(3000);
        Connector.Files["img-1"] = bytes;

        var before = Connector.ActivityCalls.Count;
        await Bot.PostActivityAsync(MessageWithImage($"附件 {number}", "img-1"));
        var reply = (await Connector.WaitForActivitiesAsync(before + 1))[before];

        Assert.Equal($"已为事件 **{number}** 添加 1 个文件。", reply.Text);
        var stored = Assert.Single(Database.GetCollection("evidence").FindAll());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored["Sha256"].AsString);
        Assert.Equal(3000, stored["Size"].AsInt64);
        Assert.Equal(number, stored["CaseNumber"].AsString);
        using var content = new MemoryStream();
        Database.FileStorage.Download(stored["_id"].AsString, content);
        Assert.Equal(bytes, content.ToArray());
        Assert.Contains(Connector.Calls, c => c.Path == "/v3/attachments/img-1/views/original");
    }

    [Fact]
    public async Task Files_sent_right_after_a_report_go_to_that_case_and_the_same_file_is_kept_once()
    {
        var number = await ReportAsync();
        Connector.Files["img-2"] = RandomNumberGenerator.GetBytes(100);

        var before = Connector.ActivityCalls.Count;
        await Bot.PostActivityAsync(MessageWithImage("", "img-2"));
        await Bot.PostActivityAsync(MessageWithImage("", "img-2"));
        var replies = await Connector.WaitForActivitiesAsync(before + 2);

        Assert.Equal($"已为事件 **{number}** 添加 1 个文件。", replies[before].Text);
        Assert.Equal($"“screenshot.png”已附在事件 {number} 中。", replies[before + 1].Text);
        Assert.Equal(1, Database.GetCollection("evidence").Count());
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused_and_nothing_is_stored()
    {
        var number = await ReportAsync();
        Connector.Files["big"] = RandomNumberGenerator.GetBytes(5000);

        var before = Connector.ActivityCalls.Count;
        await Bot.PostActivityAsync(MessageWithImage($"attach {number}", "big"));
        var reply = (await Connector.WaitForActivitiesAsync(before + 1))[before];

        Assert.Equal("“screenshot.png” is 4.9 KB; the limit is 4 KB. Nothing was stored.", reply.Text);
        Assert.Equal(0, Database.GetCollection("evidence").Count());
        Assert.Empty(Database.FileStorage.FindAll());
    }

    [Fact]
    public async Task Files_without_a_recent_report_ask_which_case()
    {
        Connector.Files["img-3"] = RandomNumberGenerator.GetBytes(100);

        var before = Connector.ActivityCalls.Count;
        await Bot.PostActivityAsync(MessageWithImage("", "img-3"));
        var reply = (await Connector.WaitForActivitiesAsync(before + 1))[before];

        Assert.StartsWith("这些文件属于哪个事件？", reply.Text);
        Assert.Equal(0, Database.GetCollection("evidence").Count());
    }
}
