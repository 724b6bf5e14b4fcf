using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Tests.Delivery;

/// <summary>A send whose content is rendered when the outbox delivers it, from the state at that moment.</summary>
public sealed class RenderedSendTests : IAsyncLifetime
{
    private readonly Renderer _renderer = new();
    private OutboxHarness _outbox = null!;

    public async Task InitializeAsync()
    {
        _outbox = await OutboxHarness.StartAsync();
        _outbox.RenderWith(_renderer);
    }

    public async Task DisposeAsync() => await _outbox.DisposeAsync();

    [Fact]
    public async Task Only_the_address_is_stored_and_the_content_is_what_holds_when_it_goes_out()
    {
        _renderer.Texts["note:1"] = "as queued";
        var id = _outbox.Sender.EnqueueRendered(_outbox.Conversation("a:1"), "note:1");
        var stored = _outbox.Store.Find(id)!;
        Assert.Equal(OutboxKind.RenderedSend, stored.Kind);
        Assert.DoesNotContain("as queued", stored.ActivityJson);

        _renderer.Texts["note:1"] = "as sent";
        Assert.Equal(1, await _outbox.DispatchAsync());

        var call = Assert.Single(_outbox.Connector.ActivityCalls);
        Assert.Equal("/v3/conversations/a:1/activities", call.Path);
        Assert.Equal("as sent", call.Text);
        Assert.Equal("29:user-a:1", call.Body!.Value.GetProperty("recipient").GetProperty("id").GetString());
        Assert.Equal("a:1", call.Body!.Value.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal(OutboxState.Sent, _outbox.Store.Find(id)!.State);
    }

    [Fact]
    public async Task What_is_gone_by_then_is_dead_lettered_with_the_reason_and_the_conversation_moves_on()
    {
        var gone = _outbox.Sender.EnqueueRendered(_outbox.Conversation("a:1"), "note:gone");
        _outbox.Send("a:1", "after it");

        Assert.Equal(1, await _outbox.DispatchAsync());

        var dead = _outbox.Store.Find(gone)!;
        Assert.Equal(OutboxState.Dead, dead.State);
        Assert.Equal("nothing to render: note:gone is not there", dead.LastError);
        Assert.Equal(["after it"], _outbox.TextsAcceptedIn("a:1"));
    }

    [Fact]
    public async Task A_message_no_renderer_takes_is_dead_lettered_not_sent_empty()
    {
        var orphan = _outbox.Sender.EnqueueRendered(_outbox.Conversation("a:1"), "other:1");

        await _outbox.DispatchAsync();

        Assert.Equal(OutboxState.Dead, _outbox.Store.Find(orphan)!.State);
        Assert.Equal("nothing to render: no renderer takes other:1", _outbox.Store.Find(orphan)!.LastError);
        Assert.Empty(_outbox.Connector.ActivityCalls);
    }

    [Fact]
    public async Task A_retry_renders_again()
    {
        _outbox.Connector.Then(System.Net.HttpStatusCode.ServiceUnavailable);
        _renderer.Texts["note:1"] = "first try";
        _outbox.Sender.EnqueueRendered(_outbox.Conversation("a:1"), "note:1");
        await _outbox.DispatchAsync();

        _renderer.Texts["note:1"] = "second try";
        _outbox.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await _outbox.DispatchAsync());

        Assert.Equal(["first try", "second try"], _outbox.Connector.ActivityCalls.Select(c => c.Text));
        Assert.Equal(["second try"], _outbox.TextsAcceptedIn("a:1"));
    }

    [Fact]
    public async Task Each_rendering_is_timed_on_the_meter_with_its_renderer()
    {
        var measured = new ConcurrentBag<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == OutboxDispatcher.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            // The meter is shared: renderings of tests running alongside are measured too, under their renderers' names.
            foreach (var tag in tags)
                if (instrument.Name == OutboxDispatcher.RenderInstrument && tag is { Key: "renderer", Value: nameof(Renderer) })
                    measured.Add(value);
        });
        listener.Start();
        _renderer.Texts["note:1"] = "timed";
        _outbox.Sender.EnqueueRendered(_outbox.Conversation("a:1"), "note:1");
        _outbox.Sender.EnqueueRendered(_outbox.Conversation("a:2"), "note:gone");

        await _outbox.DispatchAsync();

        Assert.Equal(2, measured.Count);
        Assert.All(measured, ms => Assert.True(ms >= 0, $"a rendering measured {ms} ms"));
    }

    private sealed class Renderer : IOutboxRenderer
    {
        public Dictionary<string, string> Texts { get; } = [];

        public bool Renders(OutboxMessage message) => message.CorrelationKey?.StartsWith("note:", StringComparison.Ordinal) == true;

        public Activity? Render(OutboxMessage message, out string why)
        {
            why = $"{message.CorrelationKey} is not there";
            return Texts.TryGetValue(message.CorrelationKey!, out var text) ? new Activity { Text = text } : null;
        }
    }
}
