using System.Net;
using Microsoft.Extensions.Logging;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Tests.Delivery;

public sealed class OutboxTests : IAsyncLifetime
{
    private OutboxHarness _outbox = null!;

    public async Task InitializeAsync() => _outbox = await OutboxHarness.StartAsync(new DeliveryOptions { MaxAttempts = 4 });

    public async Task DisposeAsync() => await _outbox.DisposeAsync();

    [Fact]
    public async Task A_429_with_Retry_After_is_not_retried_before_the_time_Teams_asked_for()
    {
        _outbox.Connector.Then(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(10));
        _outbox.Send("a:1", "hello");

        Assert.Equal(0, await _outbox.DispatchAsync());
        _outbox.Clock.Advance(TimeSpan.FromSeconds(9.9));
        Assert.Equal(0, await _outbox.DispatchAsync());
        Assert.Single(_outbox.Connector.ActivityCalls);

        _outbox.Clock.Advance(TimeSpan.FromSeconds(0.1));
        Assert.Equal(1, await _outbox.DispatchAsync());
        Assert.Equal(["hello"], _outbox.TextsAcceptedIn("a:1"));
        Assert.Equal(2, _outbox.Connector.ActivityCalls.Count);
    }

    [Fact]
    public async Task A_503_is_retried_with_exponential_back_off()
    {
        _outbox.Connector.Then(HttpStatusCode.ServiceUnavailable).Then(HttpStatusCode.ServiceUnavailable);
        var id = _outbox.Send("a:1", "hello");

        await _outbox.DispatchAsync();                      // fails: back-off 1 s (jitter 1.0)
        _outbox.Clock.Advance(TimeSpan.FromMilliseconds(999));
        await _outbox.DispatchAsync();
        Assert.Single(_outbox.Connector.ActivityCalls);
        _outbox.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await _outbox.DispatchAsync();                      // fails again: back-off 2 s
        Assert.Equal(2, _outbox.Connector.ActivityCalls.Count);
        _outbox.Clock.Advance(TimeSpan.FromMilliseconds(1999));
        await _outbox.DispatchAsync();
        Assert.Equal(2, _outbox.Connector.ActivityCalls.Count);
        _outbox.Clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(1, await _outbox.DispatchAsync());
        var message = _outbox.Store.Find(id)!;
        Assert.Equal(OutboxState.Sent, message.State);
        Assert.Equal(3, message.Attempts);
        Assert.StartsWith("sent-", message.SentActivityId);
    }

    [Fact]
    public async Task Through_429s_and_503s_every_message_arrives_exactly_once_and_in_order_per_conversation()
    {
        await _outbox.DisposeAsync();
        _outbox = await OutboxHarness.StartAsync(new DeliveryOptions { MaxAttempts = 25 });
        var conversations = new[] { "a:1", "a:2", "19:channel@thread.tacv2" };
        foreach (var i in Enumerable.Range(0, 30))
            foreach (var conversation in conversations)
                _outbox.Send(conversation, $"{conversation} #{i}");
        foreach (var i in Enumerable.Range(0, 20))
            _outbox.Connector.Then(i % 2 == 0 ? HttpStatusCode.TooManyRequests : HttpStatusCode.ServiceUnavailable, i % 4 == 0 ? TimeSpan.FromSeconds(3) : null);

        await _outbox.DrainAsync(TimeSpan.FromMilliseconds(500));

        foreach (var conversation in conversations)
            Assert.Equal(Enumerable.Range(0, 30).Select(i => $"{conversation} #{i}"), _outbox.TextsAcceptedIn(conversation));
        Assert.Equal(90, _outbox.Connector.Accepted.Count);
        Assert.Equal(90 + 20, _outbox.Connector.ActivityCalls.Count);
        Assert.Equal(0, _outbox.Store.Count(OutboxState.Dead));
    }

    [Fact]
    public async Task Sends_to_one_conversation_are_paced_to_Teams_limits()
    {
        foreach (var i in Enumerable.Range(0, 20)) _outbox.Send("a:1", $"#{i}");

        Assert.Equal(7, await _outbox.DispatchAsync());
        Assert.Equal(_outbox.Clock.GetUtcNow().AddSeconds(1), _outbox.Dispatcher.NextDueAt);
        _outbox.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _outbox.DispatchAsync());     // 8 per 2 s
        _outbox.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(7, await _outbox.DispatchAsync());
        Assert.Equal(15, _outbox.Connector.ActivityCalls.Count);
    }

    [Fact]
    public async Task A_pass_woken_while_a_conversation_is_paced_still_says_when_to_come_back_for_it()
    {
        foreach (var i in Enumerable.Range(0, 9)) _outbox.Send("a:1", $"#{i}");
        Assert.Equal(7, await _outbox.DispatchAsync());
        var paceEnds = _outbox.Clock.GetUtcNow().AddSeconds(1);

        // Another message is committed meanwhile and wakes the outbox: the paced conversation is not read again now,
        // but the pass must still come back for it when the pace allows (else it waits for the next commit).
        _outbox.Clock.Advance(TimeSpan.FromMilliseconds(300));
        _outbox.Send("a:1", "#9");
        Assert.Equal(0, await _outbox.DispatchAsync());
        Assert.Equal(paceEnds, _outbox.Dispatcher.NextDueAt);

        _outbox.Clock.Advance(TimeSpan.FromMilliseconds(700));
        Assert.Equal(1, await _outbox.DispatchAsync());
        Assert.Equal(["#0", "#1", "#2", "#3", "#4", "#5", "#6", "#7"], _outbox.TextsAcceptedIn("a:1"));
    }

    [Fact]
    public async Task A_conversation_over_the_limit_gets_429s_and_still_every_message_exactly_once_in_order()
    {
        _outbox.Connector.RateLimit = new(3, TimeSpan.FromSeconds(1));
        foreach (var i in Enumerable.Range(0, 25)) _outbox.Send("a:1", $"#{i}");

        await _outbox.DrainAsync(TimeSpan.FromMilliseconds(250));

        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"#{i}"), _outbox.TextsAcceptedIn("a:1"));
        Assert.True(_outbox.Connector.ActivityCalls.Count > 25);
    }

    [Fact]
    public async Task After_MaxAttempts_a_message_is_dead_lettered_with_a_log_line_and_the_conversation_moves_on()
    {
        _outbox.Connector.Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.BadGateway);
        var dead = _outbox.Send("a:1", "lost");
        _outbox.Send("a:1", "next");

        await _outbox.DrainAsync(TimeSpan.FromSeconds(1));

        var message = _outbox.Store.Find(dead)!;
        Assert.Equal(OutboxState.Dead, message.State);
        Assert.Equal(4, message.Attempts);
        Assert.Contains("502", message.LastError);
        var line = Assert.Single(_outbox.Log.Lines, l => l.Level == LogLevel.Error);
        Assert.Contains($"Outbox message {dead}", line.Message);
        Assert.Contains("a:1", line.Message);
        Assert.Contains("gave up after 4 attempts", line.Message);
        Assert.Equal(["next"], _outbox.TextsAcceptedIn("a:1"));
    }

    [Fact]
    public async Task A_batch_enqueued_at_once_is_delivered_in_its_order()
    {
        var a = _outbox.Conversation("a:1");
        var b = _outbox.Conversation("a:2");
        var ids = _outbox.Sender.EnqueueAll(Enumerable.Range(0, 6).Select(i => (i % 2 == 0 ? a : b, new Activity { Type = ActivityTypes.Message, Text = $"#{i}" })));

        await _outbox.DrainAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(ids.Order(), ids);
        Assert.Equal(["#0", "#2", "#4"], _outbox.TextsAcceptedIn("a:1"));
        Assert.Equal(["#1", "#3", "#5"], _outbox.TextsAcceptedIn("a:2"));
    }

    [Fact]
    public async Task A_backlog_longer_than_one_claim_is_handed_out_oldest_first_a_batch_at_a_time_and_all_delivered_in_order()
    {
        var a = _outbox.Conversation("a:1");
        var count = IOutboxStore.ClaimBatch * 2 + 5;
        var ids = _outbox.Sender.EnqueueAll(Enumerable.Range(0, count).Select(i => (a, new Activity { Type = ActivityTypes.Message, Text = $"#{i}" })));
        _outbox.Send("a:2", "other");

        var claimed = _outbox.Store.ClaimDue(_outbox.Clock.GetUtcNow());
        Assert.Equal(ids.Take(IOutboxStore.ClaimBatch), claimed.Single(q => q[0].ConversationId == "a:1").Select(m => m.Id));
        Assert.Equal(["other"], claimed.Single(q => q[0].ConversationId == "a:2").Select(m => System.Text.Json.JsonDocument.Parse(m.ActivityJson).RootElement.GetProperty("text").GetString()));

        await _outbox.DrainAsync(TimeSpan.FromSeconds(1));

        Assert.Equal(Enumerable.Range(0, count).Select(i => $"#{i}"), _outbox.TextsAcceptedIn("a:1"));
        Assert.Equal(["other"], _outbox.TextsAcceptedIn("a:2"));
    }

    [Fact]
    public async Task A_final_answer_such_as_403_dead_letters_at_once()
    {
        _outbox.Connector.Then(HttpStatusCode.Forbidden);
        var id = _outbox.Send("a:1", "not allowed");

        await _outbox.DispatchAsync();

        Assert.Equal(OutboxState.Dead, _outbox.Store.Find(id)!.State);
        Assert.Equal(1, _outbox.Store.Find(id)!.Attempts);
        Assert.Contains(_outbox.Log.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("permanent failure"));
    }

    [Fact]
    public async Task A_pending_message_survives_a_restart_and_is_delivered_after_it()
    {
        _outbox.Connector.Then(HttpStatusCode.ServiceUnavailable);
        _outbox.Send("a:1", "first");
        _outbox.Send("a:1", "second");
        await _outbox.DispatchAsync();                      // the first fails; both stay pending
        Assert.Empty(_outbox.Connector.Accepted);

        _outbox.Reopen();
        Assert.Equal(2, _outbox.Store.Count(OutboxState.Pending));
        _outbox.Clock.Advance(TimeSpan.FromSeconds(1));
        await _outbox.DispatchAsync();

        Assert.Equal(["first", "second"], _outbox.TextsAcceptedIn("a:1"));
        Assert.Equal(2, _outbox.Store.Count(OutboxState.Sent));
    }

    [Fact]
    public async Task An_update_of_a_message_still_in_the_outbox_follows_its_send_and_targets_the_id_it_got()
    {
        var heard = new List<(string? Key, string? ActivityId)>();
        _outbox.Listen(new Listener(heard));
        _outbox.Connector.Then(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2));
        var conversation = _outbox.Conversation("a:1");
        var send = _outbox.Sender.Enqueue(conversation, new Activity { Type = ActivityTypes.Message, Text = "card" }, "approval:x");
        _outbox.Sender.EnqueueUpdate(conversation.ServiceUrl, conversation.BaseId, null, send, new Activity { Type = ActivityTypes.Message, Text = "decided" });

        await _outbox.DrainAsync(TimeSpan.FromSeconds(1));

        var accepted = _outbox.Connector.Accepted.ToList();
        Assert.Equal(2, accepted.Count);
        Assert.Equal(("POST", "card"), (accepted[0].Call.Method, accepted[0].Call.Text));
        Assert.Equal(("PUT", "decided"), (accepted[1].Call.Method, accepted[1].Call.Text));
        Assert.Equal($"/v3/conversations/a:1/activities/{accepted[0].ActivityId}", accepted[1].Call.Path);
        Assert.Equal([("approval:x", accepted[0].ActivityId)], heard);
    }

    [Fact]
    public async Task An_update_whose_send_was_dead_lettered_is_dead_lettered_too()
    {
        _outbox.Connector.Then(HttpStatusCode.NotFound);
        var conversation = _outbox.Conversation("a:1");
        var send = _outbox.Send("a:1", "card");
        var update = _outbox.Sender.EnqueueUpdate(conversation.ServiceUrl, "a:1", null, send, new Activity { Text = "decided" });

        await _outbox.DispatchAsync();

        Assert.Equal(OutboxState.Dead, _outbox.Store.Find(update)!.State);
        Assert.Contains("dead-lettered", _outbox.Store.Find(update)!.LastError);
        Assert.Single(_outbox.Connector.ActivityCalls);
    }

    private sealed class Listener(List<(string? Key, string? ActivityId)> heard) : IOutboxDeliveryListener
    {
        public void Delivered(OutboxMessage message, string? activityId) => heard.Add((message.CorrelationKey, activityId));
    }
}
