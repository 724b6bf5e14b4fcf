using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Integration;

public sealed class ApprovalTests : ApprovalTestBase
{
    private async Task<(string Number, ConnectorCall Card)> ReportToLeaderAsync(string level = "IV")
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        var number = await ReportAsync(IntakeSubmission.Valid().With("level", level));
        return (number, Assert.Single(SentTo(LeaderChat)));
    }

    [Fact]
    public async Task The_supervising_leader_gets_the_card_approves_it_the_card_is_updated_in_place_and_the_officer_is_told()
    {
        var (number, sent) = await ReportToLeaderAsync();
        Assert.Contains($"事件 {number} 待您审核", Text(sent.Card));

        var decided = await PressAsync(Leader, "case.approve", ButtonData(sent.Card, "case.approve", ("comment", "请尽快核实")));

        var card = Text(decided.GetProperty("value"));
        Assert.Contains("审核同意——Wang Qiang", card);
        Assert.Contains("意见：请尽快核实", card);
        Assert.Null(FindAction(decided.GetProperty("value"), "case.approve"));
        var update = Assert.Single(UpdatesIn(LeaderChat));
        Assert.StartsWith($"/v3/conversations/{LeaderChat}/activities/sent-", update.Path);
        Assert.Contains("审核同意——Wang Qiang", Text(update.Card));
        Assert.Equal("InProgress", CaseState(number));
        var told = SentTo("a:personal-1").Last();
        Assert.StartsWith($"事件 {number}：Wang Qiang 审核同意。", told.Text);
    }

    [Fact]
    public async Task A_press_by_someone_without_the_role_is_refused_on_the_card_and_changes_nothing()
    {
        var (number, sent) = await ReportToLeaderAsync();

        var refused = await PressAsync(TeamsActivities.Officer, "case.approve", ButtonData(sent.Card, "case.approve"));

        Assert.Equal(400, refused.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", refused.GetProperty("type").GetString());
        Assert.Equal("只有 宣传部 的分管领导可以办理此项。", refused.GetProperty("value").GetProperty("message").GetString());
        Assert.Equal("Reported", CaseState(number));
        Assert.Empty(UpdatesIn(LeaderChat));
    }

    [Fact]
    public async Task Invalid_input_brings_the_card_back_with_the_error_and_the_input_kept()
    {
        var (number, sent) = await ReportToLeaderAsync("III");

        var noReason = await PressAsync(Leader, "case.reject", ButtonData(sent.Card, "case.reject", ("comment", "")));
        var sameLevel = await PressAsync(Leader, "case.changeLevel", ButtonData(sent.Card, "case.changeLevel", ("newLevel", "III"), ("comment", "保留这段意见")));

        Assert.Contains("请在意见栏写明理由。", Text(noReason.GetProperty("value")));
        Assert.NotNull(FindAction(noReason.GetProperty("value"), "case.reject"));
        var card = Text(sameLevel.GetProperty("value"));
        Assert.Contains("请选择高于当前级别（III 级（较大））的级别。", card);
        Assert.Contains("\"value\":\"保留这段意见\"", card);
        Assert.Equal("Reported", CaseState(number));
    }

    [Fact]
    public async Task A_level_II_case_goes_to_the_principal_leader_after_the_supervising_leader()
    {
        var (number, sent) = await ReportToLeaderAsync("II");
        await MeetAsync(Principal, TestRoster.PrincipalEmail, PrincipalChat);

        await PressAsync(Leader, "case.approve", ButtonData(sent.Card, "case.approve"));
        Assert.Equal("PrincipalReview", CaseState(number));
        var principalCard = Assert.Single(SentTo(PrincipalChat));
        Assert.Contains($"事件 {number} 待主要负责人审批", Text(principalCard.Card));

        var wrong = await PressAsync(Leader, "case.approve", ButtonData(principalCard.Card, "case.approve"));
        Assert.Equal("只有 宣传部 的主要负责人可以审批此项。", wrong.GetProperty("value").GetProperty("message").GetString());

        var decided = await PressAsync(Principal, "case.approve", ButtonData(principalCard.Card, "case.approve"));
        Assert.Contains("主要负责人审批同意——Zhao Min", Text(decided.GetProperty("value")));
        Assert.Equal("InProgress", CaseState(number));
    }

    [Fact]
    public async Task Twenty_simultaneous_presses_make_one_decision_and_the_others_see_the_outcome()
    {
        var (number, sent) = await ReportToLeaderAsync();
        var data = ButtonData(sent.Card, "case.approve");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => PressAsync(Leader, "case.approve", new Dictionary<string, object?>(data))));

        Assert.Equal(1, EventCount(number, "Approved"));
        Assert.All(responses, r => Assert.Contains("审核同意——Wang Qiang", Text(r.GetProperty("value"))));
        Assert.Equal(19, responses.Count(r => Text(r.GetProperty("value")).Contains("此卡片已过期")));
        Assert.Single(UpdatesIn(LeaderChat));
    }

    [Fact]
    public async Task Need_info_sends_the_question_to_the_officer_whose_update_goes_back_to_the_leader()
    {
        var (number, sent) = await ReportToLeaderAsync();

        await PressAsync(Leader, "case.needInfo", ButtonData(sent.Card, "case.needInfo", ("comment", "原帖是否已删除？")));
        var question = SentTo("a:personal-1").Last();
        var answer = await SayAsync($"进展 {number} 原帖仍在，已截图");

        Assert.StartsWith($"事件 {number}：Wang Qiang 要求补充信息：“原帖是否已删除？”", question.Text);
        Assert.Equal($"您对事件 **{number}** 的补充信息已送回领导。", answer.Text);
        var again = SentTo(LeaderChat).Last();
        Assert.NotEqual(sent, again);
        Assert.NotNull(FindAction(again.Card, "case.approve"));
        Assert.Equal(1, EventCount(number, "InfoProvided"));
    }

    [Fact]
    public async Task Reassigning_reroutes_the_case_and_the_old_card_shows_it_was_reassigned()
    {
        var (number, sent) = await ReportToLeaderAsync();
        await RecordOfficeChannelAsync();

        var decided = await PressAsync(Leader, "case.reassign", ButtonData(sent.Card, "case.reassign", ("newUnit", TestRoster.Unit2)));

        Assert.Contains("改派——Wang Qiang", Text(decided.GetProperty("value")));
        Assert.Contains("改派——Wang Qiang", Text(Assert.Single(UpdatesIn(LeaderChat)).Card));
        Assert.Equal(TestRoster.Unit2, Database.GetCollection("cases").FindById(number)["UnitId"].AsString);
        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith($"事件 {number} 无法送达审批人（leader2@contoso.example）") == true);
    }

    [Fact]
    public async Task With_no_chat_and_no_approval_channel_the_office_is_told_the_leader_cannot_be_reached()
    {
        await RecordOfficeChannelAsync();

        var number = await ReportAsync();

        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text == $"事件 {number} 无法送达审批人（leader@contoso.example）：机器人尚未与其建立会话，且 宣传部 未设置审批群。请跟进。");
        Assert.Equal(1, EventCount(number, "LeaderUnreachable"));
    }

    [Fact]
    public async Task A_level_III_case_is_announced_to_the_office_channel_at_once()
    {
        await RecordOfficeChannelAsync();

        var number = await ReportAsync(IntakeSubmission.Valid().With("level", "III"));

        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text == $"新上报 III 级（较大） 事件 {number}：某校食堂视频引发关注（宣传部）。");
    }

    [Fact]
    public async Task A_press_on_a_card_the_case_has_moved_past_gets_the_current_card_with_a_note()
    {
        var (number, sent) = await ReportToLeaderAsync();
        var data = ButtonData(sent.Card, "case.approve");
        await PressAsync(Leader, "case.approve", data);

        var late = await PressAsync(Leader, "case.reject", ButtonData(sent.Card, "case.reject", ("comment", "重复")));

        var card = Text(late.GetProperty("value"));
        Assert.Contains("此卡片已过期，以下为事件当前情况。", card);
        Assert.Contains("审核同意——Wang Qiang", card);
        Assert.Equal("InProgress", CaseState(number));
    }

    [Fact]
    public async Task A_statement_is_approved_by_the_supervisor_signed_by_the_principal_at_level_IV_too_published_by_the_office_then_the_case_archived()
    {
        var (number, sent) = await ReportToLeaderAsync();
        await MeetAsync(Principal, TestRoster.PrincipalEmail, PrincipalChat);
        await RecordOfficeChannelAsync();
        await PressAsync(Leader, "case.approve", ButtonData(sent.Card, "case.approve"));

        var drafted = await SayAsync($"回应 {number} 经核实，食堂已整改。");
        Assert.Equal($"事件 **{number}** 的回应口径（首次回应）已提交领导审核。", drafted.Text);
        var responseCard = SentTo(LeaderChat).Last();
        Assert.Contains("经核实，食堂已整改。", Text(responseCard.Card));

        await PressAsync(Leader, "response.approve", ButtonData(responseCard.Card, "response.approve"));
        Assert.DoesNotContain(SentTo(TestRoster.OfficeChannel), c => c.Body!.Value.TryGetProperty("attachments", out _));
        var signCard = Assert.Single(SentTo(PrincipalChat));
        Assert.Contains($"事件 {number} 的回应口径待主要负责人签发", Text(signCard.Card));
        Assert.Contains("分管领导已审核：Wang Qiang", Text(signCard.Card));
        var wrongSigner = await PressAsync(Leader, "response.approve", ButtonData(signCard.Card, "response.approve"));
        Assert.Equal("只有 宣传部 的主要负责人可以审批此项。", wrongSigner.GetProperty("value").GetProperty("message").GetString());
        await PressAsync(Principal, "response.approve", ButtonData(signCard.Card, "response.approve"));

        var publishCard = SentTo(TestRoster.OfficeChannel).Last(c => c.Body!.Value.TryGetProperty("attachments", out _));
        Assert.Contains($"事件 {number} 的回应口径已签发，请发布", Text(publishCard.Card));

        Assert.Null(FindAction(publishCard.Card.GetProperty("body"), "response.publish"));
        var forOffice = await PressAsync(Office, "approval.refresh", ButtonData(publishCard.Card, "approval.refresh"));
        var publish = ButtonData(forOffice.GetProperty("value"), "response.publish");
        var refused = await PressAsync(Leader, "response.publish", publish);
        Assert.Equal("只有舆情办可以发布回应。", refused.GetProperty("value").GetProperty("message").GetString());
        await PressAsync(Office, "response.publish", publish);
        Assert.Equal("Responded", CaseState(number));
        Assert.Equal(1, EventCount(number, "StatementSigned"));
        Assert.False(StoredStep($"{number}:FirstResponse").Open);

        var resolved = await SayAsync($"办结 {number} 已删帖并回应，舆情平息");
        Assert.Equal($"事件 **{number}** 已办结并归档。", resolved.Text);
        Assert.Equal("Archived", CaseState(number));
        var closed = await SayAsync($"办结 {number} again");
        Assert.Equal("事件已结束（已归档），不能再办理。", closed.Text);
    }

    [Fact]
    public async Task In_the_units_approval_channel_the_leader_is_mentioned_and_only_they_get_buttons_by_refresh()
    {
        var settings = TestRoster.Settings(new() { ["Organization:Units:0:ApprovalConversationId"] = "19:approvals@thread.tacv2" });
        await using var withChannel = new BotApplication(settings);
        Connector.MemberEmails["29:leader"] = TestRoster.LeaderEmail;
        await withChannel.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", "channel", "19:approvals@thread.tacv2", "zh-CN", mentionBot: true, from: Leader));

        var response = await withChannel.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid()));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await withChannel.DeliverOutboxAsync();

        var posted = Assert.Single(SentTo("19:approvals@thread.tacv2"));
        Assert.Null(posted.Text);
        var mention = posted.Card.GetProperty("msteams").GetProperty("entities")[0];
        Assert.Equal("29:leader", mention.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("<at>Wang Qiang</at>", mention.GetProperty("text").GetString());
        Assert.StartsWith("<at>Wang Qiang</at>", posted.Card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.Null(FindAction(posted.Card.GetProperty("body"), "case.approve"));
        Assert.Equal("29:leader", posted.Card.GetProperty("refresh").GetProperty("userIds")[0].GetString());

        var refreshData = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(posted.Card.GetProperty("refresh").GetProperty("action").GetProperty("data").GetRawText())!;
        var forLeader = await withChannel.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "approval.refresh", refreshData, Leader));
        var forOfficer = await withChannel.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "approval.refresh", refreshData));
        Assert.Contains("case.approve", await forLeader.Content.ReadAsStringAsync());
        Assert.DoesNotContain("case.approve", await forOfficer.Content.ReadAsStringAsync());
    }
}
