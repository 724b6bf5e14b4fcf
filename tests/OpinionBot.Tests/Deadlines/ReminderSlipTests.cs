using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Deadlines.Reminders;
using OpinionBot.Testing;
using OpinionBot.Tests.Integration;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Deadlines;

/// <summary>The overdue scan over the running service, on a fake clock: slips widen, the third unanswered one escalates, nothing goes twice.</summary>
public sealed class ReminderSlipTests : ApprovalTestBase
{
    private async Task<int> ScanAsync(BotApplication? bot = null)
    {
        var app = bot ?? Bot;
        var queued = app.Services.GetRequiredService<OverdueScan>().Run();
        await app.DeliverOutboxAsync();
        return queued;
    }

    private IReadOnlyList<ConnectorCall> Slips(string conversationId) =>
        SentTo(conversationId).Where(c => c.Body!.Value.TryGetProperty("attachments", out _) && Text(c.Card).Contains("提醒单（第")).ToList();

    private async Task<string> OverdueReviewAsync()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        await MeetAsync(Principal, TestRoster.PrincipalEmail, PrincipalChat);
        await RecordOfficeChannelAsync();
        // Posted at 09:30: the first response (3 h from the post) falls due after the review (1 h from the report).
        var number = await ReportAsync(IntakeSubmission.Valid().With("level", "IV").With("publishedTime", "09:30"));
        Bot.Clock.Advance(TimeSpan.FromMinutes(61));
        return number;
    }

    [Fact]
    public async Task Nothing_is_sent_before_a_deadline_passes()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        await ReportAsync();
        Bot.Clock.Advance(TimeSpan.FromMinutes(59));

        Assert.Equal(0, await ScanAsync());
    }

    [Fact]
    public async Task Slips_widen_every_interval_and_the_fourth_interval_brings_the_escalation_notice_once()
    {
        var number = await OverdueReviewAsync();

        Assert.Equal(1, await ScanAsync());
        var first = Assert.Single(Slips(LeaderChat));
        Assert.Contains($"提醒单（第 1 次）— 事件 {number}", Text(first.Card));
        Assert.Contains("领导审核", Text(first.Card));
        Assert.Contains("已超时", Text(first.Card));
        Assert.Equal(0, await ScanAsync());

        Bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await ScanAsync();
        Assert.Equal(2, Slips(LeaderChat).Count);
        Assert.Empty(Slips(PrincipalChat));

        Bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await ScanAsync();
        Assert.Equal(3, Slips(LeaderChat).Count);
        Assert.Contains("提醒单（第 3 次）", Text(Assert.Single(Slips(PrincipalChat)).Card));
        Assert.DoesNotContain(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith("通报") == true);

        Bot.Clock.Advance(TimeSpan.FromMinutes(30));
        await ScanAsync();
        var notice = Assert.Single(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith("通报") == true);
        Assert.Contains($"事件 {number}“某校食堂视频引发关注”（宣传部）的领导审核已超时 1 小时 31 分钟，经 3 次提醒仍未办理", notice.Text);
        Assert.True(Database.GetCollection("cases").FindById(number)["Escalated"].AsBoolean);

        Bot.Clock.Advance(TimeSpan.FromHours(5));
        await ScanAsync();
        Assert.Equal(3, Slips(LeaderChat).Count(c => Text(c.Card).Contains(number) && Text(c.Card).Contains("\"value\":\"领导审核\"")));
        Assert.Single(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith("通报") == true && c.Text.Contains("的领导审核"));
        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith("通报") == true && c.Text.Contains("的首次回应"));
        Assert.Equal(2, EventCount(number, "EscalationNotice"));

        // Escalated steps are due nothing more: the next scan reads none of them.
        var steps = Bot.Services.GetRequiredService<OpinionBot.Deadlines.IOwedStepStore>();
        Assert.Empty(steps.SlipsDue(Bot.Clock.GetUtcNow()));
        Assert.Null(steps.Find($"{number}:Review")!.NextSlipAt);
    }

    [Fact]
    public async Task A_step_done_before_its_slip_gets_none_and_is_recorded_on_time_or_late()
    {
        var (number, card) = (await OverdueReviewAsync(), SentTo(LeaderChat).Last());

        await PressAsync(Leader, "case.approve", ButtonData(card.Card, "case.approve"));
        await ScanAsync();

        Assert.Empty(Slips(LeaderChat));
        var review = StoredStep($"{number}:Review");
        Assert.False(review.Open);
        Assert.Equal(TimeSpan.FromMinutes(1), review.Lateness);
    }

    [Fact]
    public async Task Two_overlapping_scans_send_each_slip_once()
    {
        await OverdueReviewAsync();
        var scan = Bot.Services.GetRequiredService<OverdueScan>();

        var counts = await Task.WhenAll(Task.Run(scan.Run), Task.Run(scan.Run), Task.Run(scan.Run));
        await Bot.DeliverOutboxAsync();

        Assert.Equal(1, counts.Sum());
        Assert.Single(Slips(LeaderChat));
    }

    [Fact]
    public async Task After_a_restart_the_slips_already_sent_are_not_sent_again()
    {
        var path = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"), "restart.db");
        var settings = TestRoster.Settings(new() { ["Storage:LiteDb:Path"] = path });
        var firstStart = Bot.Clock.GetUtcNow();
        string number;
        await using (var before = new BotApplication(settings))
        {
            before.Clock.SetUtcNow(firstStart);
            Connector.MemberEmails["29:leader"] = TestRoster.LeaderEmail;
            await before.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", conversationId: LeaderChat, from: Leader, locale: "zh-CN"));
            var response = await before.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid().With("publishedTime", "09:30")));
            number = System.Text.RegularExpressions.Regex.Match(System.Text.RegularExpressions.Regex.Unescape(await response.Content.ReadAsStringAsync()), @"\d{4}-\d{4}").Value;
            before.Clock.Advance(TimeSpan.FromMinutes(61));
            Assert.Equal(1, await ScanAsync(before));
        }

        await using var after = new BotApplication(settings);
        after.Clock.SetUtcNow(firstStart + TimeSpan.FromMinutes(62));
        Assert.Equal(0, await ScanAsync(after));
        after.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(1, await ScanAsync(after));
        Assert.Equal(2, Slips(LeaderChat).Count(c => Text(c.Card).Contains(number)));
    }

    [Fact]
    public async Task The_slip_button_opens_the_case_for_those_who_may_see_it()
    {
        await OverdueReviewAsync();
        await ScanAsync();
        var data = ButtonData(Slips(LeaderChat)[0].Card, "case.open");

        var forLeader = await PressAsync(Leader, "case.open", data);
        var forOther = await PressAsync(TeamsActivities.User(TestRoster.OfficerByEmailTeamsId), "case.open", data);

        Assert.Contains("处置过程", Text(forLeader.GetProperty("value")));
        Assert.Equal(400, forOther.GetProperty("statusCode").GetInt32());
    }
}
