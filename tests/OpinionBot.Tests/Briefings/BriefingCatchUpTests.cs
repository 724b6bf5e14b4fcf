using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Briefings;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Briefings;

/// <summary>A briefing due while the service was down is sent once at the next start, marked late; never twice.</summary>
public sealed class BriefingCatchUpTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"));
    private FakeBotConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeBotConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Starts the service on the shared database at <paramref name="utcNow"/>, lets the catch-up run, and returns the briefings in the outbox.</summary>
    private async Task<(BotApplication Bot, List<string> Briefings)> StartAsync(DateTimeOffset utcNow)
    {
        var bot = new BotApplication(TestRoster.Settings(new()
        {
            ["Storage:LiteDb:Path"] = Path.Combine(_folder, "bot.db"),
            // Catch-up reads the real schedules (the test host otherwise sets crons that never fire).
            ["Schedule:DailyBriefing"] = "0 30 8 * * ?",
            ["Schedule:WeeklySummary"] = "0 0 9 ? * MON",
        }));
        bot.Clock.SetUtcNow(utcNow);
        var catchUp = bot.Services.GetRequiredService<BriefingCatchUp>();
        await catchUp.Done.WaitAsync(TimeSpan.FromSeconds(10));
        var briefings = bot.Services.GetRequiredService<OutboxStore>().All()
            .Select(m => JsonDocument.Parse(m.ActivityJson).RootElement.GetProperty("attachments")[0].GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString()!)
            .Where(t => t.Contains("简报") || t.Contains("汇总"))
            .ToList();
        return (bot, briefings);
    }

    [Fact]
    public async Task After_downtime_the_missed_daily_briefing_and_weekly_summary_go_out_once_marked_late()
    {
        // Monday 10:00 in Shanghai: the first start. Today's 08:30 briefing was before the service existed: nothing owed.
        var (first, briefings) = await StartAsync(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
        await using (first)
        {
            _connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
            await BriefingSubscriptionTests.SayInChannelAsync(first, _connector, "订阅简报", Integration.ApprovalTestBase.Office);
            Assert.Empty(briefings);
            Assert.False(first.Services.GetRequiredService<BriefingStore>().HasRun("daily:2026-11-22"));
        }

        // Down until Tuesday 11:00: Tuesday's 08:30 briefing (for Monday) was missed.
        var (second, afterTuesday) = await StartAsync(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
        await using (second)
        {
            Assert.Equal(["每日简报 — 2026-11-23（补发）"], afterTuesday);
            Assert.True(second.Services.GetRequiredService<BriefingStore>().FindRun("daily:2026-11-23")!.Late);
            await second.DeliverOutboxAsync();
            Assert.Contains(_connector.ActivityCalls, c => c.Path == $"/v3/conversations/{TestRoster.OfficeChannel}/activities" && c.CardJson.Contains("补发"));
        }

        // Started again the same morning: nothing more.
        var (third, again) = await StartAsync(new DateTimeOffset(2026, 11, 24, 3, 5, 0, TimeSpan.Zero));
        await using (third)
            Assert.Equal(["每日简报 — 2026-11-23（补发）"], again);

        // Down over the weekend until Monday 10:00: Monday's briefing (for Sunday) and the weekly summary (last week) are owed, once each.
        var (fourth, monday) = await StartAsync(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
        await using (fourth)
        {
            Assert.Equal(["每日简报 — 2026-11-23（补发）", "每日简报 — 2026-11-29（补发）", "每周汇总 — 2026-11-23 至 2026-11-29（补发）"], monday);
            Assert.Empty(fourth.Services.GetRequiredService<BriefingCatchUp>().RunOnce());
        }

        var (fifth, last) = await StartAsync(new DateTimeOffset(2026, 11, 30, 2, 10, 0, TimeSpan.Zero));
        await using (fifth)
            Assert.Equal(3, last.Count);
    }
}
