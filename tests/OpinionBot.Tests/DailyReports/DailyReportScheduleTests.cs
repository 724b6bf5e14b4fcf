using Microsoft.Extensions.DependencyInjection;
using OpinionBot.DailyReports;
using OpinionBot.Testing;
using OpinionBot.Tests.Integration;

namespace OpinionBot.Tests.DailyReports;

/// <summary>The 15:00 reminder and the 17:00 deadline on a fake clock (2026-11-23 is a Monday).</summary>
public sealed class DailyReportScheduleTests : ApprovalTestBase
{
    // 17:00 on weekdays, but only in 2099: the reminder names the deadline and Quartz never fires it during the test.
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Schedule:ZeroReportDeadline"] = "0 0 17 ? * MON-FRI 2099" };

    private DailyReportSchedule Schedule => Bot.Services.GetRequiredService<DailyReportSchedule>();

    private IReadOnlyList<ConnectorCall> Reminders(string conversationId) =>
        SentTo(conversationId).Where(c => c.Body!.Value.TryGetProperty("attachments", out _) && Text(c.Card).Contains("每日报告提醒")).ToList();

    private async Task AtLocalAsync(int day, int hour)
    {
        Bot.Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour - 8, 0, 0, TimeSpan.Zero));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Officers_of_units_that_have_not_reported_get_one_reminder_with_a_zero_report_button()
    {
        await SayAsync("我的");
        await AtLocalAsync(23, 15);

        Assert.Equal(1, Schedule.RemindUnreported());
        Assert.Equal(0, Schedule.RemindUnreported());
        await Bot.DeliverOutboxAsync();

        var reminder = Assert.Single(Reminders("a:personal-1"));
        Assert.Contains("宣传部 尚未报送 2026-11-23 的舆情", Text(reminder.Card));
        Assert.Contains("截止时间 17:00", Text(reminder.Card));

        var pressed = await PressAsync(TeamsActivities.Officer, "zero.report", ButtonData(reminder.Card, "zero.report"));
        Assert.Contains("已记录 宣传部 2026-11-23 的零报告。", Text(pressed.GetProperty("value")));
        Assert.Equal(1, Database.GetCollection("zero_reports").Count());
    }

    [Fact]
    public async Task A_unit_that_filed_a_case_or_a_zero_report_is_not_reminded()
    {
        await ReportAsync();
        await AtLocalAsync(23, 15);

        Assert.Equal(0, Schedule.RemindUnreported());
    }

    [Fact]
    public async Task At_the_deadline_missed_units_are_recorded_and_listed_to_the_office_once()
    {
        await RecordOfficeChannelAsync();
        await SayAsync("零报告");
        await AtLocalAsync(23, 17);

        Schedule.RecordMissed();
        Schedule.RecordMissed();
        await Bot.DeliverOutboxAsync();

        var list = Assert.Single(SentTo(TestRoster.OfficeChannel), c => c.Text?.StartsWith("2026-11-23 未按时报送") == true);
        Assert.Equal("2026-11-23 未按时报送每日报告的单位：教育局。", list.Text);
        var missed = Assert.Single(Database.GetCollection("missed_daily_reports").FindAll());
        Assert.Equal(TestRoster.Unit2, missed["UnitId"].AsString);
    }

    [Fact]
    public async Task Weekends_are_skipped_unless_every_day_is_configured()
    {
        await SayAsync("我的");
        await AtLocalAsync(28, 15);

        Assert.Equal(0, Schedule.RemindUnreported());
        Assert.Equal(0, Schedule.RecordMissed());
        Assert.Empty(Database.GetCollection("missed_daily_reports").FindAll());
    }

    [Fact]
    public async Task A_reminder_from_another_day_cannot_file_todays_zero_report()
    {
        await SayAsync("我的");
        await AtLocalAsync(23, 15);
        Schedule.RemindUnreported();
        await Bot.DeliverOutboxAsync();
        var data = ButtonData(Reminders("a:personal-1")[0].Card, "zero.report");
        await AtLocalAsync(24, 9);

        var pressed = await PressAsync(TeamsActivities.Officer, "zero.report", data);

        Assert.Equal(400, pressed.GetProperty("statusCode").GetInt32());
        Assert.Equal(0, Database.GetCollection("zero_reports").Count());
    }

    [Fact]
    public async Task A_unit_whose_officers_the_bot_cannot_reach_yet_is_reminded_once_they_can_be()
    {
        await AtLocalAsync(23, 15);
        Assert.Equal(0, Schedule.RemindUnreported());

        await SayAsync("我的");

        Assert.Equal(1, Schedule.RemindUnreported());
        Assert.Equal(0, Schedule.RemindUnreported());
    }
}
