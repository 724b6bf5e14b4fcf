using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Connector;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;
using OpinionBot.Testing;

namespace OpinionBot.LoadTest;

/// <summary>
/// The second mode (<c>outbox</c>): N slips enqueued into the real outbox over a fresh LiteDB file, delivered by the
/// real dispatcher loop (in-process, real clock) to a fake connector that enforces a per-conversation rate limit with
/// 429 + Retry-After; prints the delivery rate and checks every slip arrived exactly once and in order.
/// </summary>
public static class OutboxBenchmark
{
    public const string Usage = """
        Usage: dotnet run -c Release --project tests/OpinionBot.LoadTest -- outbox [options]

          --slips N                 slips to deliver (default 10000)
          --conversations C         conversations they are spread over, round-robin (default 200)
          --connector-limit L       the fake connector's limit per conversation per second; more get 429 (default 5)
          --global-per-second G     the outbox's app-wide pace (Delivery:GlobalPerSecond; Teams: 50) (default 50)
          --help                    this text
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        int slips = 10000, conversations = 200, connectorLimit = 5, globalPerSecond = 50;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--help" or "-h") { Console.WriteLine(Usage); return 0; }
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], out var value) || value < 1)
            {
                Console.Error.WriteLine($"Option {args[i]} needs a whole number ≥ 1.\n\n{Usage}");
                return 2;
            }

            switch (args[i++])
            {
                case "--slips": slips = value; break;
                case "--conversations": conversations = value; break;
                case "--connector-limit": connectorLimit = value; break;
                case "--global-per-second": globalPerSecond = value; break;
                default: Console.Error.WriteLine($"Unknown option '{args[i - 1]}'.\n\n{Usage}"); return 2;
            }
        }

        var folder = Path.Combine(Path.GetTempPath(), "opinionbot-outbox-bench", Guid.NewGuid().ToString("N"));
        await using var connector = await FakeBotConnector.StartAsync();
        connector.RateLimit = new ConnectorRateLimit(connectorLimit, TimeSpan.FromSeconds(1));
        using var database = LiteDbRegistration.Open(Path.Combine(folder, "outbox.db"));
        try
        {
            var options = new DeliveryOptions { GlobalPerSecond = globalPerSecond, MaxParallelConversations = 16 };
            var store = new OutboxStore(database);
            store.EnsureIndexes();
            var trusted = new TrustedServiceUrls();
            trusted.Trust(connector.ServiceUrl);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64, UseProxy = false });
            var connectors = new ConnectorClientFactory(new OneClient(http), new NoToken(), trusted, TimeProvider.System);
            var dispatcher = new OutboxDispatcher(store, connectors, [], [], TimeProvider.System, new RetryPolicy(options),
                Microsoft.Extensions.Options.Options.Create(options), NullLogger<OutboxDispatcher>.Instance);
            var signal = new OutboxSignal();
            var sender = new ProactiveSender(store, signal, new StoreTransaction(database), TimeProvider.System);

            Console.WriteLine("OpinionBot outbox benchmark");
            Console.WriteLine($"  slips        {slips} over {conversations} conversations");
            Console.WriteLine($"  connector    {connector.ServiceUrl}: {connectorLimit} per conversation per second, then 429 with Retry-After");
            Console.WriteLine($"  outbox pace  Teams' per-conversation limits (7/1 s, 8/2 s, 60/30 s, 1800/h), {globalPerSecond}/s for the app");

            var enqueue = Stopwatch.StartNew();
            var records = Enumerable.Range(0, conversations).Select(c => new ConversationRecord
            {
                Id = $"a:bench-{c}", BaseId = $"a:bench-{c}", ConversationType = "personal", ServiceUrl = connector.ServiceUrl,
                ChannelId = "msteams", BotId = TeamsActivities.BotId, UserId = $"29:bench-{c}",
            }).ToArray();
            // As a scan job would: the whole batch in one transaction.
            sender.EnqueueAll(Enumerable.Range(0, slips).Select(i => (records[i % conversations],
                new OpinionBot.BotFramework.Schema.Activity { Type = OpinionBot.BotFramework.Schema.ActivityTypes.Message, Text = $"slip {i / conversations} of {records[i % conversations].Id}" })));
            enqueue.Stop();
            Console.WriteLine($"  enqueued in  {enqueue.Elapsed.TotalSeconds:0.00} s ({slips / enqueue.Elapsed.TotalSeconds:0} slips/s)");

            var service = new OutboxService(dispatcher, store, signal, TimeProvider.System, NullLogger<OutboxService>.Instance);
            var elapsed = Stopwatch.StartNew();
            await service.StartAsync(cancellationToken);
            while (store.Count(OutboxState.Pending) > 0)
                await Task.Delay(100, cancellationToken);
            elapsed.Stop();
            await service.StopAsync(CancellationToken.None);

            var accepted = connector.Accepted.ToList();
            var tooMany = connector.ActivityCalls.Count - accepted.Count;
            var wrongOrder = 0;
            var duplicates = 0;
            foreach (var group in accepted.GroupBy(a => a.Call.Path))
            {
                var numbers = group.Select(a => int.Parse(a.Call.Text!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                duplicates += numbers.Count - numbers.Distinct().Count();
                wrongOrder += numbers.Zip(numbers.Skip(1)).Count(p => p.Second <= p.First);
            }

            var dead = store.Count(OutboxState.Dead);
            var perConversation = Math.Ceiling(slips / (double)conversations);
            var floor = Math.Max(slips / (double)globalPerSecond, (perConversation - 1) / Math.Min(connectorLimit, 7));
            Console.WriteLine($"  delivered    {accepted.Count} in {elapsed.Elapsed.TotalSeconds:0.00} s ({accepted.Count / elapsed.Elapsed.TotalSeconds:0.0} slips/s; the limits allow ≥ {floor:0} s)");
            Console.WriteLine($"  429s         {tooMany} answered, each retried after its Retry-After");
            Console.WriteLine($"  dead         {dead}");
            Console.WriteLine($"  exactly once {(accepted.Count == slips && duplicates == 0 ? "OK" : $"FAIL: {accepted.Count} accepted, {duplicates} duplicates")}");
            Console.WriteLine($"  in order     {(wrongOrder == 0 ? "OK" : $"FAIL: {wrongOrder} out of order")}");
            return accepted.Count == slips && duplicates == 0 && wrongOrder == 0 && dead == 0 ? 0 : 1;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private sealed class NoToken : IBotAccessTokenProvider
    {
        public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class OneClient(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
