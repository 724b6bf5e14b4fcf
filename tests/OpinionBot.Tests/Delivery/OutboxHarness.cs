using LiteDB;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Connector;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Delivery;

/// <summary>
/// The outbox over a LiteDB file, a fake clock and the real Connector client talking to a <see cref="FakeBotConnector"/>.
/// <see cref="Reopen"/> closes the database and the dispatcher and opens new ones on the same file, as a restart does.
/// </summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"));
    private readonly DeliveryOptions _options;
    private readonly Func<double> _jitter;
    private readonly List<IOutboxDeliveryListener> _listeners = [];
    private readonly List<IOutboxRenderer> _renderers = [];

    private OutboxHarness(FakeBotConnector connector, DeliveryOptions options, Func<double> jitter)
    {
        Connector = connector;
        _options = options;
        _jitter = jitter;
        Connector.Clock = Clock;
        Open();
    }

    public static async Task<OutboxHarness> StartAsync(DeliveryOptions? options = null, Func<double>? jitter = null) =>
        new(await FakeBotConnector.StartAsync(), options ?? new DeliveryOptions(), jitter ?? (() => 1.0));

    public FakeBotConnector Connector { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));
    public ILiteDatabase Database { get; private set; } = null!;
    public OutboxStore Store { get; private set; } = null!;
    public OutboxDispatcher Dispatcher { get; private set; } = null!;
    public ProactiveSender Sender { get; private set; } = null!;
    public ListLogger<OutboxDispatcher> Log { get; private set; } = null!;

    public void Listen(IOutboxDeliveryListener listener) => _listeners.Add(listener);

    public void RenderWith(IOutboxRenderer renderer) => _renderers.Add(renderer);

    public ConversationRecord Conversation(string id) => new()
    {
        Id = id, BaseId = id, ConversationType = "personal", ServiceUrl = Connector.ServiceUrl, ChannelId = "msteams",
        BotId = TeamsActivities.BotId, UserId = "29:user-" + id,
    };

    public long Send(string conversationId, string text, string? correlationKey = null) =>
        Sender.Enqueue(Conversation(conversationId), new Activity { Type = ActivityTypes.Message, Text = text }, correlationKey);

    public Task<int> DispatchAsync() => Dispatcher.DispatchDueAsync(CancellationToken.None);

    /// <summary>Dispatches, then moves the clock on by <paramref name="step"/>, until nothing is pending (bounded).</summary>
    public async Task DrainAsync(TimeSpan step, int maxSteps = 1000)
    {
        for (var i = 0; i < maxSteps; i++)
        {
            await DispatchAsync();
            if (Store.Count(OutboxState.Pending) == 0) return;
            Clock.Advance(step);
        }

        throw new Xunit.Sdk.XunitException($"still {Store.Count(OutboxState.Pending)} pending after {maxSteps} steps");
    }

    public IReadOnlyList<string?> TextsAcceptedIn(string conversationId) =>
        Connector.Accepted.Where(a => a.Call.Path.StartsWith($"/v3/conversations/{conversationId}/", StringComparison.Ordinal)).Select(a => a.Call.Text).ToList();

    /// <summary>Closes the database (what a stopped process leaves behind) and opens everything anew on the same file.</summary>
    public void Reopen()
    {
        Database.Dispose();
        Open();
    }

    private void Open()
    {
        Database = LiteDbRegistration.Open(Path.Combine(_folder, "outbox.db"));
        Store = new OutboxStore(Database);
        Store.EnsureIndexes();
        var trusted = new TrustedServiceUrls();
        trusted.Trust(Connector.ServiceUrl);
        var connectors = new ConnectorClientFactory(new PlainHttpClientFactory(), new NoToken(), trusted, Clock);
        Log = new ListLogger<OutboxDispatcher>();
        Dispatcher = new OutboxDispatcher(Store, connectors, _listeners, _renderers, Clock, new RetryPolicy(_options, _jitter), Options.Create(_options), Log);
        Sender = new ProactiveSender(Store, new OutboxSignal(), new StoreTransaction(Database), Clock);
    }

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        await Connector.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private sealed class NoToken : IBotAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        private static readonly HttpClient Shared = new();

        public HttpClient CreateClient(string name) => Shared;
    }
}
