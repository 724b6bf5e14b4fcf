using System.Text.RegularExpressions;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

public sealed class CaseReportingTests : CaseTestBase
{
    [Fact]
    public async Task Report_sends_the_intake_card_with_the_officers_unit_and_a_submit_button()
    {
        var call = await SayAsync("上报");

        var card = Regex.Unescape(call.CardJson);
        Assert.Contains("上报舆情", card);
        Assert.Contains("\"verb\":\"case.report\"", card);
        Assert.Contains("\"id\":\"unit\"", card);
        Assert.Contains("\"value\":\"propaganda\"", card);
        Assert.Matches("\"submissionId\":\"[0-9a-f]{32}\"", card);
    }

    [Fact]
    public async Task A_valid_submission_becomes_case_2026_0001_and_the_card_turns_into_the_case_card()
    {
        var body = await SubmitAsync(IntakeSubmission.Valid());

        var card = Unescaped(body.GetProperty("value"));
        Assert.Contains("已登记为事件 **2026-0001**", card);
        Assert.Contains("2026-0001 某校食堂视频引发关注", card);
        Assert.Contains("已上报，待领导审核", card);
        Assert.Contains("2026-11-23 09:30", card);
        Assert.Contains("2026-11-23 10:00", card);
        Assert.Contains("敏感、大V参与", card);
    }

    [Fact]
    public async Task Case_numbers_count_up_without_gaps_and_my_lists_the_open_cases()
    {
        Assert.Equal("2026-0001", await ReportAsync());
        Assert.Equal("2026-0002", await ReportAsync());

        var my = await SayAsync("我的");

        var card = Regex.Unescape(my.CardJson);
        Assert.Contains("**2026-0001** 某校食堂视频引发关注", card);
        Assert.Contains("**2026-0002**", card);
        Assert.Contains("下一期限 2026-11-23 11:00", card);
    }

    [Fact]
    public async Task The_same_submission_pressed_twice_makes_one_case()
    {
        var data = IntakeSubmission.Valid("double-press-1");

        var first = await SubmitAsync(data);
        var second = await SubmitAsync(data);

        Assert.Contains("已登记为事件 **2026-0001**", Unescaped(first.GetProperty("value")));
        Assert.Contains("此次上报已登记为事件 **2026-0001**", Unescaped(second.GetProperty("value")));
        Assert.Equal(1, Database.GetCollection("cases").Count());
    }

    [Fact]
    public async Task Twenty_parallel_submissions_get_twenty_distinct_numbers_without_gaps()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => ReportAsync()));

        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"2026-{i:D4}"), numbers.Order());
    }

    [Fact]
    public async Task Invalid_input_comes_back_on_the_same_card_with_the_input_kept_and_nothing_stored()
    {
        var data = IntakeSubmission.Valid()
            .With("title", "")
            .With("links", "weibo.com/abc\nftp://files.example/x")
            .With("discoveredDate", "2026-11-24")
            .With("reposts", "-5")
            .With("level", "V")
            .With("summary", "保留的摘要");

        var body = await SubmitAsync(data);

        var card = Unescaped(body.GetProperty("value"));
        Assert.Contains("请更正以下内容后重新提交", card);
        Assert.Contains("标题为必填项", card);
        Assert.Contains("“weibo.com/abc”不是有效的 http(s) 链接", card);
        Assert.Contains("“ftp://files.example/x”不是有效的 http(s) 链接", card);
        Assert.Contains("发现时间晚于当前时间", card);
        Assert.Contains("转发数须为不小于 0 的整数", card);
        Assert.Contains("事件级别的取值无效", card);
        Assert.Contains("\"value\":\"保留的摘要\"", card);
        Assert.Contains("\"verb\":\"case.report\"", card);
        Assert.Equal(0, Database.GetCollection("cases").Count());
        Assert.Equal("2026-0001", await ReportAsync());
    }

    [Fact]
    public async Task An_officer_cannot_report_for_another_unit()
    {
        var body = await SubmitAsync(IntakeSubmission.Valid(unit: TestRoster.Unit2));

        Assert.Contains("您不能以 education 的名义上报", Unescaped(body.GetProperty("value")));
        Assert.Equal(0, Database.GetCollection("cases").Count());
    }

    [Fact]
    public async Task Case_shows_the_case_with_its_timeline_and_update_adds_a_note_once_per_activity()
    {
        var number = await ReportAsync();

        var first = await SayAsync($"进展 {number} 平台已删除原帖，（已截图）", id: "note-1");
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, $"进展 {number} 平台已删除原帖，（已截图）", locale: "zh-CN", id: "note-1"));
        var shown = await SayAsync($"查看 {number}");

        Assert.Equal($"已为事件 **{number}** 添加进展。", first.Text);
        var card = Regex.Unescape(shown.CardJson);
        Assert.Contains("上报", card);
        Assert.Single(Regex.Matches(card, "平台已删除原帖，（已截图）"));
        Assert.Equal(1, Database.GetCollection("case_events").Count(LiteDB.Query.EQ("Kind", "ProgressNote")));
    }

    [Theory]
    [InlineData("case 2099-0001", "There is no case 2099-0001.")]
    [InlineData("case", "Give the case number, e.g. **case 2026-0042**.")]
    [InlineData("update 2026-0001", "Write the progress after the case number")]
    public async Task Case_commands_with_a_missing_or_unknown_number_say_what_is_wrong(string text, string expected)
    {
        await ReportAsync();

        var reply = await SayAsync(text, locale: "en-US");

        Assert.StartsWith(expected, reply.Text);
    }

    [Fact]
    public async Task An_officer_of_another_unit_cannot_see_the_case_but_the_office_can()
    {
        var number = await ReportAsync();
        Connector.MemberEmails[TestRoster.OfficerByEmailTeamsId] = TestRoster.OfficerEmail;
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;

        var refused = await SayAsync($"case {number}", TeamsActivities.User(TestRoster.OfficerByEmailTeamsId), locale: "en-US");
        var office = await SayAsync($"case {number}", TeamsActivities.User(TestRoster.OfficeTeamsId), locale: "en-US");

        Assert.Equal($"You can't see case {number}: it belongs to another unit.", refused.Text);
        Assert.Contains(number, office.CardJson);
    }

    [Fact]
    public async Task Numbering_follows_the_organisations_year_across_new_year()
    {
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 16, 30, 0, TimeSpan.Zero));
        var data = IntakeSubmission.Valid().With("publishedDate", "2027-01-01").With("publishedTime", "00:05")
            .With("discoveredDate", "2027-01-01").With("discoveredTime", "00:10");

        Assert.Equal("2027-0001", await ReportAsync(data));
    }

    [Fact]
    public async Task A_pasted_link_with_text_offers_a_prefilled_intake_card()
    {
        var call = await SayAsync("网传某校食堂视频 https://weibo.com/1234567890/PqRsTuV 请关注");

        var card = Regex.Unescape(call.CardJson);
        Assert.Contains("已根据您的消息预填", card);
        Assert.Contains("\"value\":\"网传某校食堂视频 请关注\"", card);
        Assert.Contains("\"value\":\"https://weibo.com/1234567890/PqRsTuV\"", card);
        Assert.Contains("\"value\":\"Weibo\"", card);
        Assert.Equal(0, Database.GetCollection("cases").Count());
    }
}
