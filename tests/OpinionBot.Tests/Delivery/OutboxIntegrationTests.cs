using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Testing;
using OpinionBot.Tests.Integration;

namespace OpinionBot.Tests.Delivery;

/// <summary>The outbox inside the running service: its background loop delivers, through 429s and 503s, with the fake clock.</summary>
public sealed class OutboxIntegrationTests : ApprovalTestBase
{
    [Fact]
    public async Task Through_429_with_Retry_After_and_503_the_service_delivers_every_message_exactly_once_and_in_order()
    {
        await SayAsync("我的");                                // the bot records the officer's chat (and trusts the service url)
        var chat = Bot.Services.GetRequiredService<ConversationStore>().Find("a:personal-1")!;
        var sender = Bot.Services.GetRequiredService<ProactiveSender>();
        Connector.Then(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)).Then(HttpStatusCode.ServiceUnavailable)
            .Then(HttpStatusCode.TooManyRequests).Then(HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(1));
        var before = Connector.ActivityCalls.Count;

        foreach (var i in Enumerable.Range(0, 12))
            sender.Enqueue(chat, new Activity { Type = ActivityTypes.Message, Text = $"slip {i}" });

        // No dispatching by hand: the hosted loop wakes on the enqueue and on the fake clock's timers.
        var store = Bot.Services.GetRequiredService<OutboxStore>();
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (store.Count(OutboxState.Pending) > 0)
        {
            await Task.Delay(20, bounded.Token);
            Bot.Clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        var slips = Connector.Accepted.Select(a => a.Call.Text).Where(t => t?.StartsWith("slip ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"slip {i}"), slips);
        Assert.Equal(12 + 4, Connector.ActivityCalls.Count - before);
        Assert.Equal(0, store.Count(OutboxState.Dead));
    }

    [Fact]
    public async Task Messages_pending_when_the_service_stops_are_delivered_by_the_next_start()
    {
        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"));
        var settings = TestRoster.Settings(new() { ["Storage:LiteDb:Path"] = Path.Combine(folder, "bot.db") });
        try
        {
            await using (var first = new Support.BotApplication(settings))
            {
                await first.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", locale: "zh-CN"));
                var chat = first.Services.GetRequiredService<ConversationStore>().Find("a:personal-1")!;
                Connector.FailWith = HttpStatusCode.ServiceUnavailable;
                var sender = first.Services.GetRequiredService<ProactiveSender>();
                sender.Enqueue(chat, new Activity { Type = ActivityTypes.Message, Text = "before the restart 1" });
                sender.Enqueue(chat, new Activity { Type = ActivityTypes.Message, Text = "before the restart 2" });
                await first.DeliverOutboxAsync();
                Assert.Equal(2, first.Services.GetRequiredService<OutboxStore>().Count(OutboxState.Pending));
            }

            Connector.FailWith = null;
            await using var second = new Support.BotApplication(settings);
            second.Clock.Advance(TimeSpan.FromMinutes(1));
            _ = second.Services;                               // starts the host: its outbox loop finds the pending messages
            using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (ProactiveAccepted("a:personal-1").Count < 2)
                await Task.Delay(20, bounded.Token);

            Assert.Equal(["before the restart 1", "before the restart 2"], ProactiveAccepted("a:personal-1").Select(a => a.Call.Text));
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Sends and updates the connector accepted in a conversation (not replies to what someone said).</summary>
    private List<AcceptedCall> ProactiveAccepted(string conversationId) => Connector.Accepted.Where(a =>
        a.Call.Path == $"/v3/conversations/{conversationId}/activities" ||
        (a.Call.Method == "PUT" && a.Call.Path.StartsWith($"/v3/conversations/{conversationId}/", StringComparison.Ordinal))).ToList();

    [Fact]
    public async Task A_card_decided_while_its_send_is_still_being_retried_is_updated_once_the_send_has_gone()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        Connector.Then(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(30));

        await ReportAsync();
        var card = Assert.Single(SentTo(LeaderChat));          // tried once, answered 429
        Assert.Empty(ProactiveAccepted(LeaderChat));
        var decided = await PressAsync(Leader, "case.approve", ButtonData(card.Card, "case.approve"));
        Assert.Contains("审核同意——Wang Qiang", Text(decided.GetProperty("value")));
        Assert.Empty(UpdatesIn(LeaderChat));                  // held behind the send

        Bot.Clock.Advance(TimeSpan.FromSeconds(30));
        await Bot.DeliverOutboxAsync();

        var delivered = ProactiveAccepted(LeaderChat);
        Assert.Equal(["POST", "PUT"], delivered.Select(a => a.Call.Method));
        Assert.Equal($"/v3/conversations/{LeaderChat}/activities/{delivered[0].ActivityId}", delivered[1].Call.Path);
        Assert.Contains("审核同意——Wang Qiang", Text(delivered[1].Call.Card));
        var request = Database.GetCollection("approval_requests").FindOne(LiteDB.Query.EQ("ConversationId", LeaderChat));
        Assert.Equal(delivered[0].ActivityId, request["ActivityId"].AsString);
    }
}
