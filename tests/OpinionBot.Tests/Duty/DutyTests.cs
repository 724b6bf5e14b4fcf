using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Deadlines.Reminders;
using OpinionBot.Testing;
using OpinionBot.Tests.Integration;

namespace OpinionBot.Tests.Duty;

/// <summary>
/// The duty roster over the running service: the office's Chen Jie (陈洁) is on duty Monday 18:00 to Tuesday 09:00. Off
/// hours she also gets new reports, reminder slips and escalation notices in her personal chat; in working time not.
/// </summary>
public sealed class DutyTests : ApprovalTestBase
{
    private const string OfficeChat = "a:office-chat";

    /// <summary>Monday 2026-11-23 20:00 in Shanghai (the fake clock starts at 10:00).</summary>
    private static readonly DateTimeOffset MondayEvening = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    protected override Dictionary<string, string?> ExtraSettings => new()
    {
        ["Organization:Duty:0:Person"] = TestRoster.OfficeEmail,
        ["Organization:Duty:0:Days:0"] = "Mon",
        ["Organization:Duty:0:From"] = "18:00",
        ["Organization:Duty:0:To"] = "09:00",
        ["Organization:People:0:Id"] = TestRoster.OfficeEmail,
        ["Organization:People:0:Name"] = "陈洁",
    };

    private IReadOnlyList<string> DutyTexts() => SentTo(OfficeChat).Select(c => c.Text).OfType<string>().Where(t => t.StartsWith("【值班】", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Duty_shows_who_is_on_duty_now_and_who_takes_over_next()
    {
        var day = await SayAsync("duty", locale: "en-US");
        Assert.Equal("Nobody is on duty now.\n\nFrom 2026-11-23 18:00: 陈洁.\n\n"
            + "It is working time: the person on duty receives copies of new reports, reminder slips and escalation notices only outside working hours and on days off.", day.Text);

        Bot.Clock.SetUtcNow(MondayEvening);
        var evening = await SayAsync("值班");
        Assert.Equal("当前值班：**陈洁**。\n\n2026-11-24 09:00 起：无人值班。\n\n现为非工作时间或节假日：值班人员同时接收新上报事件、提醒单和通报。", evening.Text);
    }

    [Fact]
    public async Task Off_hours_the_person_on_duty_also_hears_of_a_new_report_in_working_time_not()
    {
        await MeetAsync(Office, TestRoster.OfficeEmail, OfficeChat);
        await RecordOfficeChannelAsync();

        var daytime = await ReportAsync(IntakeSubmission.Valid().With("level", "IV"));
        Assert.Empty(DutyTexts());

        Bot.Clock.SetUtcNow(MondayEvening);
        var evening = await ReportAsync(IntakeSubmission.Valid().With("level", "IV"));

        var copy = Assert.Single(DutyTexts());
        Assert.Equal($"【值班】新上报 IV 级（一般） 事件 {evening}：某校食堂视频引发关注（宣传部）。", copy);
        Assert.NotEqual(daytime, evening);
    }

    [Fact]
    public async Task Off_hours_the_person_on_duty_gets_each_slip_and_the_escalation_notice_once()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        await MeetAsync(Office, TestRoster.OfficeEmail, OfficeChat);
        await RecordOfficeChannelAsync();
        Bot.Clock.SetUtcNow(MondayEvening);
        // Posted at 19:50: the first response (3 h from the post) falls due after the review (1 h from the 20:00 report).
        var number = await ReportAsync(IntakeSubmission.Valid().With("level", "IV").With("publishedTime", "19:50").With("discoveredTime", "19:55"));
        var scan = Bot.Services.GetRequiredService<OverdueScan>();

        Bot.Clock.Advance(TimeSpan.FromMinutes(61));
        scan.Run();
        scan.Run();
        await Bot.DeliverOutboxAsync();
        var slipCopies = SentTo(OfficeChat).Where(c => c.Body!.Value.TryGetProperty("attachments", out _) && Text(c.Card).Contains("提醒单（第 1 次）")).ToList();
        Assert.Single(slipCopies);
        Assert.Contains(number, Text(slipCopies[0].Card));

        Bot.Clock.Advance(TimeSpan.FromMinutes(90));
        scan.Run();
        await Bot.DeliverOutboxAsync();
        var notice = Assert.Single(DutyTexts(), t => t.StartsWith("【值班】通报", StringComparison.Ordinal));
        Assert.Contains($"事件 {number}", notice);
    }
}
