using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Briefings;
using OpinionBot.Cards;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Testing;
using OpinionBot.Tests.Integration;
using Quartz;

namespace OpinionBot.Tests.Briefings;

/// <summary>The send-for-a-period method the Quartz jobs and the catch-up share: one card per subscription, in its language, once.</summary>
public sealed class BriefingSenderTests : ApprovalTestBase
{
    // Real times of day, but in 2099: the triggers are checked without ever firing during the test.
    protected override Dictionary<string, string?> ExtraSettings => new() { ["Schedule:DailyBriefing"] = "0 30 8 * * ? 2099", ["Schedule:WeeklySummary"] = "0 0 9 ? * MON 2099" };

    private const string EnglishChat = "19:english@thread.v2";

    private async Task SubscribeTwoConversationsAsync()
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        await BriefingSubscriptionTests.SayInChannelAsync(Bot, Connector, "订阅简报", Office);
        await BriefingSubscriptionTests.SayInChannelAsync(Bot, Connector, "subscribe briefing", Office, EnglishChat, "groupChat", "en-US");
    }

    private IReadOnlyList<OutboxMessage> Outbox => Bot.Services.GetRequiredService<OutboxStore>().All();

    private List<(string Conversation, JsonElement Activity)> Briefings(string marker) => Outbox
        .Where(m => m.ActivityJson.Contains(marker))
        .Select(m => (m.ConversationId, JsonDocument.Parse(m.ActivityJson).RootElement.Clone()))
        .ToList();

    [Fact]
    public async Task The_daily_briefing_goes_once_to_each_subscribed_conversation_in_its_language()
    {
        await SubscribeTwoConversationsAsync();
        var sender = Bot.Services.GetRequiredService<BriefingSender>();
        var day = new DateOnly(2026, 11, 22);

        Assert.True(sender.SendDaily(day, late: false));
        Assert.False(sender.SendDaily(day, late: false));
        Assert.False(sender.SendDaily(day, late: true));

        var zh = Assert.Single(Briefings("每日简报 — 2026-11-22"));
        Assert.Equal(TestRoster.OfficeChannel, zh.Conversation);
        var en = Assert.Single(Briefings("Daily briefing — 2026-11-22"));
        Assert.Equal(EnglishChat, en.Conversation);
        Assert.DoesNotContain("（补发）", zh.Activity.GetRawText());

        await Bot.DeliverOutboxAsync();
        Assert.Contains(SentTo(TestRoster.OfficeChannel), c => Unescaped(c.Card).Contains("每日简报 — 2026-11-22"));
        Assert.Contains(SentTo(EnglishChat), c => Unescaped(c.Card).Contains("Daily briefing — 2026-11-22"));
    }

    [Fact]
    public async Task The_weekly_summary_carries_the_chart_as_a_second_attachment_and_is_sent_once()
    {
        await SubscribeTwoConversationsAsync();
        var sender = Bot.Services.GetRequiredService<BriefingSender>();
        var monday = new DateOnly(2026, 11, 16);

        Assert.True(sender.SendWeekly(monday, late: false));
        Assert.False(sender.SendWeekly(monday, late: false));

        var en = Assert.Single(Briefings("Weekly summary — 2026-11-16 to 2026-11-22")).Activity;
        Assert.Single(Briefings("每周汇总 — 2026-11-16 至 2026-11-22"));
        var attachments = en.GetProperty("attachments");
        Assert.Equal(2, attachments.GetArrayLength());
        Assert.Equal("image/png", attachments[1].GetProperty("contentType").GetString());
        var png = Convert.FromBase64String(attachments[1].GetProperty("contentUrl").GetString()!["data:image/png;base64,".Length..]);
        Assert.Equal("PNG", Encoding.ASCII.GetString(png, 1, 3));
        Assert.True(Encoding.UTF8.GetByteCount(attachments[0].GetProperty("content").GetRawText()) < AdaptiveCard.MaxBytes);
    }

    [Fact]
    public async Task With_no_subscription_the_period_is_still_recorded_as_run()
    {
        var sender = Bot.Services.GetRequiredService<BriefingSender>();
        Assert.True(sender.SendDaily(new DateOnly(2026, 11, 22), late: false));
        Assert.True(Bot.Services.GetRequiredService<BriefingStore>().HasRun("daily:2026-11-22"));
        Assert.False(sender.SendDaily(new DateOnly(2026, 11, 22), late: false));
    }

    [Fact]
    public async Task Both_jobs_are_scheduled_on_their_crons_in_the_organisations_zone()
    {
        var scheduler = await Bot.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var daily = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("daily-briefing", "briefings")));
        Assert.Equal("0 30 8 * * ? 2099", daily.CronExpressionString);
        Assert.Equal("Asia/Shanghai", daily.TimeZone.Id);
        var weekly = Assert.IsAssignableFrom<ICronTrigger>(await scheduler.GetTrigger(new TriggerKey("weekly-summary", "briefings")));
        Assert.Equal("0 0 9 ? * MON 2099", weekly.CronExpressionString);
        Assert.Equal(WeeklySummaryJob.Key, weekly.JobKey);
    }
}
