using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Integration;

/// <summary>The written procedure through the service: dispatch, statements and promises, post-time clocks, level changes, reopening, undeliverable cards.</summary>
public sealed class ProcedureTests : ApprovalTestBase
{
    private const string OfficerChat = "a:personal-1";
    private const string OfficeChat = "a:office-chat";
    private const string Officer2Chat = "a:officer2-chat";
    private static readonly object Officer2 = TeamsActivities.User(TestRoster.OfficerByEmailTeamsId, name: "Chen Jing");

    private static bool HasCard(ConnectorCall call) => call.Body!.Value.TryGetProperty("attachments", out _);

    /// <summary>Says something as <paramref name="from"/> in their own personal chat; returns the bot's reply.</summary>
    private async Task<ConnectorCall> SayAsAsync(object from, string chatId, string text)
    {
        var before = Connector.ActivityCalls.Count;
        var message = TeamsActivities.Message(Connector.ServiceUrl, text, conversationId: chatId, locale: "zh-CN", from: from);
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostActivityAsync(message)).StatusCode);
        await Bot.DeliverOutboxAsync();
        return await Connector.WaitForReplyAsync((string)message["id"]!, before);
    }

    private async Task<string> OfficeReportsAsync(Dictionary<string, string> data)
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        var press = TeamsActivities.Invoke(Connector.ServiceUrl, "adaptiveCard/action",
            new { action = new { type = "Action.Execute", id = "submit", verb = "case.report", data }, trigger = "manual" }, OfficeChat, Office);
        var response = await Bot.PostActivityAsync(press);
        await Bot.DeliverOutboxAsync();
        return System.Text.RegularExpressions.Regex.Match(System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync()), @"\d{4}-\d{4}").Value;
    }

    private async Task<string> ApprovedCaseAsync(string level = "IV")
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        var number = await ReportAsync(IntakeSubmission.Valid().With("level", level));
        await PressAsync(Leader, "case.approve", ButtonData(SentTo(LeaderChat).Last().Card, "case.approve"));
        return number;
    }

    [Fact]
    public async Task A_case_the_office_files_for_a_unit_is_dispatched_to_its_officers_who_acknowledge_it_on_the_card()
    {
        await SayAsync("我的");
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);

        var number = await OfficeReportsAsync(IntakeSubmission.Valid());

        var dispatch = Assert.Single(SentTo(OfficerChat), c => HasCard(c) && c.CardJson.Contains("dispatch.acknowledge"));
        Assert.Contains($"交办：事件 {number} 请 宣传部 办理", Text(dispatch.Card));
        Assert.Equal(1, EventCount(number, "Dispatched"));
        var refused = await PressAsync(Leader, "dispatch.acknowledge", ButtonData(dispatch.Card, "dispatch.acknowledge"));
        Assert.Equal("只有 宣传部 的信息员可以签收此交办。", refused.GetProperty("value").GetProperty("message").GetString());

        var decided = await PressAsync(TeamsActivities.Officer, "dispatch.acknowledge", ButtonData(dispatch.Card, "dispatch.acknowledge"));

        Assert.Contains("签收交办——Li Lei", Text(decided.GetProperty("value")));
        Assert.Null(FindAction(decided.GetProperty("value"), "dispatch.acknowledge"));
        Assert.Contains("签收交办——Li Lei", Text(Assert.Single(UpdatesIn(OfficerChat)).Card));
        Assert.False(StoredStep($"{number}:Dispatch").Open);
        Assert.Equal("Reported", CaseState(number));
    }

    [Fact]
    public async Task An_officer_filing_for_their_own_unit_needs_no_dispatch_and_every_level_is_announced_to_the_office()
    {
        await RecordOfficeChannelAsync();

        var number = await ReportAsync(IntakeSubmission.Valid().With("level", "IV"));

        Assert.Equal(0, EventCount(number, "Dispatched"));
        Assert.DoesNotContain(SentTo(OfficerChat), c => HasCard(c) && c.CardJson.Contains("dispatch.acknowledge"));
        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text == $"新上报 IV 级（一般） 事件 {number}：某校食堂视频引发关注（宣传部）。");
    }

    [Fact]
    public async Task A_case_whose_first_response_clock_ran_out_before_it_was_reported_says_so_and_its_slip_goes_out_at_once()
    {
        await SayAsync("我的");

        // Posted at 06:00, reported at 10:00: the first response was due at 09:00, three hours after the post.
        var body = await SubmitAsync(IntakeSubmission.Valid().With("publishedTime", "06:00").With("discoveredTime", "09:50"));

        var card = Unescaped(body.GetProperty("value"));
        Assert.Contains("⚠ 首次回应时限已过（截至 2026-11-23 09:00），提醒单已开始发送。", card);
        var slip = Assert.Single(SentTo(OfficerChat), c => HasCard(c) && Text(c.Card).Contains("提醒单（第 1 次）"));
        Assert.Contains("首次回应", Text(slip.Card));
        Assert.Equal(1, EventCount("2026-0001", "ReminderSlip"));
        Assert.Equal(0, EventCount("2026-0001", "EscalationNotice"));
    }

    [Fact]
    public async Task A_formal_answer_with_a_promised_date_is_signed_off_published_and_the_resolution_clock_follows_the_promise()
    {
        var number = await ApprovedCaseAsync();
        await MeetAsync(Principal, TestRoster.PrincipalEmail, PrincipalChat);
        await RecordOfficeChannelAsync();

        Assert.Equal("承诺日期请写成 2026-12-01 的格式。", (await SayAsync($"回应 {number} 正式 承诺 2026-13-40 正在调查")).Text);
        Assert.Equal("承诺办理时限最晚为 2026-11-30。", (await SayAsync($"回应 {number} 正式 承诺 2026-12-15 正在调查")).Text);
        var drafted = await SayAsync($"回应 {number} 正式 承诺 2026-11-27 经初步核实，正在调查，11月27日前公布结果。");
        Assert.Equal($"事件 **{number}** 的回应口径（正式答复）已提交领导审核。", drafted.Text);

        var review = SentTo(LeaderChat).Last();
        Assert.Contains("正式答复（Li Lei 拟稿）", Text(review.Card));
        Assert.Contains("承诺办理时限：2026-11-27", Text(review.Card));
        await PressAsync(Leader, "response.approve", ButtonData(review.Card, "response.approve"));
        await PressAsync(Principal, "response.approve", ButtonData(SentTo(PrincipalChat).Last().Card, "response.approve"));
        var publishCard = SentTo(TestRoster.OfficeChannel).Last(HasCard);
        var forOffice = await PressAsync(Office, "approval.refresh", ButtonData(publishCard.Card, "approval.refresh"));
        await PressAsync(Office, "response.publish", ButtonData(forOffice.GetProperty("value"), "response.publish"));

        Assert.False(StoredStep($"{number}:FormalAnswer").Open);
        Assert.False(StoredStep($"{number}:Resolve").Open);
        var promise = StoredStep($"{number}:Resolve:2");
        Assert.True(promise.Open);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 16, 0, 0, TimeSpan.Zero), promise.DueAt);
        Assert.Equal("Responded", CaseState(number));
    }

    [Fact]
    public async Task A_cooperating_unit_is_dispatched_can_see_the_case_and_acknowledges()
    {
        var number = await ApprovedCaseAsync();
        Connector.MemberEmails[TestRoster.OfficerByEmailTeamsId] = TestRoster.OfficerEmail;
        Assert.Equal($"您无权查看事件 {number}：它属于其他单位。", (await SayAsAsync(Officer2, Officer2Chat, $"查看 {number}")).Text);

        Assert.StartsWith("只有 宣传部 的领导或舆情办可以办理此项。", (await SayAsync($"协办 {number} 教育局")).Text);
        Assert.StartsWith("没有名为“财政局”的单位。", (await SayAsAsync(Leader, LeaderChat, $"协办 {number} 财政局")).Text);
        Assert.Equal($"已将 教育局 列为事件 **{number}** 的协办单位并交办。", (await SayAsAsync(Leader, LeaderChat, $"协办 {number} 教育局")).Text);

        var dispatch = Assert.Single(SentTo(Officer2Chat), c => HasCard(c) && c.CardJson.Contains("dispatch.acknowledge"));
        Assert.Contains($"交办：事件 {number} 请 教育局 办理", Text(dispatch.Card));
        Assert.Contains(number, (await SayAsAsync(Officer2, Officer2Chat, $"查看 {number}")).CardJson);
        await PressAsync(Officer2, "dispatch.acknowledge", ButtonData(dispatch.Card, "dispatch.acknowledge"));
        Assert.Equal(1, EventCount(number, "DispatchAcknowledged"));
        Assert.Equal("教育局 已是协办单位。", (await SayAsAsync(Leader, LeaderChat, $"协办 {number} education")).Text);
    }

    [Fact]
    public async Task A_leader_lowers_the_level_with_a_reason_and_the_case_is_reviewed_again_at_the_new_level()
    {
        await RecordOfficeChannelAsync();
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        var number = await ReportAsync(IntakeSubmission.Valid().With("level", "II"));
        var card = SentTo(LeaderChat).Last().Card;

        var noReason = await PressAsync(Leader, "case.changeLevel", ButtonData(card, "case.changeLevel", ("newLevel", "IV")));
        Assert.Contains("请在意见栏写明理由。", Text(noReason.GetProperty("value")));
        var decided = await PressAsync(Leader, "case.changeLevel", ButtonData(card, "case.changeLevel", ("newLevel", "IV"), ("comment", "转发量很小，影响有限")));

        Assert.Contains("降低级别——Wang Qiang", Text(decided.GetProperty("value")));
        Assert.Equal(("Reported", "IV"), (CaseState(number), Database.GetCollection("cases").FindById(number)["Level"].AsString));
        Assert.Contains("IV 级（一般）", Text(SentTo(LeaderChat).Last().Card));
        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith($"事件 {number} 级别调整为 IV 级（一般）") == true && c.Text.Contains("转发量很小"));
    }

    [Fact]
    public async Task The_office_reopens_an_archived_case_after_a_rebound_and_its_clocks_start_again()
    {
        var number = await ApprovedCaseAsync();
        await SayAsync("我的");
        await RecordOfficeChannelAsync();
        await SayAsync($"办结 {number} 已回应并删帖");
        Assert.Equal("Archived", CaseState(number));

        Assert.StartsWith("只有 宣传部 的领导或舆情办可以办理此项。", (await SayAsync($"重启 {number} 又发酵了")).Text);
        Assert.Equal("请在意见栏写明理由。", (await SayAsAsync(Office, OfficeChat, $"重启 {number}")).Text);
        Assert.Equal($"事件 **{number}** 已重启，各项时限重新计时。", (await SayAsAsync(Office, OfficeChat, $"重启 {number} 原帖再次发酵，新增转发两千")).Text);

        Assert.Equal("InProgress", CaseState(number));
        Assert.Equal(1, EventCount(number, "Reopened"));
        Assert.Contains(SentTo(OfficerChat), c => c.Text?.StartsWith($"事件 {number} 因舆情反弹重启") == true);
        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith($"事件 {number} 因舆情反弹重启") == true);
        Assert.True(StoredStep($"{number}:Resolve:2").Open);
    }

    [Fact]
    public async Task A_card_the_leaders_chat_refuses_falls_back_to_the_units_approval_chat_and_the_timeline_records_it()
    {
        const string approvals = "19:approvals@thread.tacv2";
        await using var bot = new BotApplication(TestRoster.Settings(new() { ["Organization:Units:0:ApprovalConversationId"] = approvals }));
        Connector.MemberEmails["29:leader"] = TestRoster.LeaderEmail;
        await bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", conversationId: LeaderChat, from: Leader, locale: "zh-CN"));
        await bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", "channel", approvals, "zh-CN", mentionBot: true, from: Leader));
        await bot.DeliverOutboxAsync();
        Connector.FailIn[LeaderChat] = HttpStatusCode.Forbidden;

        await bot.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid()));
        await bot.DeliverOutboxAsync();
        await bot.DeliverOutboxAsync();

        var rerouted = Assert.Single(SentTo(approvals), HasCard);
        Assert.StartsWith("<at>Wang Qiang</at>", rerouted.Card.GetProperty("body")[0].GetProperty("text").GetString());
        var events = bot.Services.GetRequiredService<LiteDB.ILiteDatabase>().GetCollection("case_events");
        var note = Assert.Single(events.Find(LiteDB.Query.EQ("Kind", "CardRerouted")));
        Assert.Contains("→", note["Comment"].AsString);
    }

    [Fact]
    public async Task Without_an_approval_chat_an_undeliverable_card_goes_to_the_office_channel()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        await RecordOfficeChannelAsync();
        Connector.FailIn[LeaderChat] = HttpStatusCode.Forbidden;

        var number = await ReportAsync();
        await Bot.DeliverOutboxAsync();

        var rerouted = Assert.Single(SentTo(TestRoster.OfficeChannel), c => HasCard(c) && Text(c.Card).Contains($"事件 {number} 待您审核"));
        Assert.StartsWith("<at>Wang Qiang</at>", rerouted.Card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Equal(1, EventCount(number, "CardRerouted"));
    }

    [Fact]
    public async Task With_nowhere_left_to_send_an_undeliverable_card_the_office_is_told()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        await SayAsAsync(Office, OfficeChat, "我的");
        Connector.FailIn[LeaderChat] = HttpStatusCode.NotFound;

        var number = await ReportAsync();
        await Bot.DeliverOutboxAsync();

        Assert.Contains(SentTo(OfficeChat), c => c.Text == $"事件 {number} 的卡片无法送达 Wang Qiang，且已无其他会话可用。请跟进。");
        Assert.Equal(1, EventCount(number, "LeaderUnreachable"));
    }
}
