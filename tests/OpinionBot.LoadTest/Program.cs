using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpinionBot.LoadTest;
using OpinionBot.Testing;

// Benchmark, not a test: N report submissions through POST /api/messages of the real bot (its own process, fresh
// LiteDB file, anonymous mode) against an in-process fake Bot Connector; prints throughput and latency percentiles,
// then checks the case numbers handed out are exactly YEAR-0001..YEAR-(W+N).

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args is ["overdue", .. var overdueArgs])
    return OverdueBenchmark.Run(overdueArgs);

if (args is ["outbox", .. var outboxArgs])
{
    using var stopOutbox = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stopOutbox.Cancel(); };
    try
    {
        return await OutboxBenchmark.RunAsync(outboxArgs, stopOutbox.Token);
    }
    catch (OperationCanceledException) when (stopOutbox.IsCancellationRequested)
    {
        return 130;
    }
}

if (args is ["briefing", .. var briefingArgs])
    return BriefingBenchmark.Run(briefingArgs);

if (args is ["serve", .. var serveArgs])
    return await ServeMode.RunAsync(serveArgs);

if (args is ["export", .. var exportArgs])
    return ExportBenchmark.Run(exportArgs);

var options = Options.Parse(args, out var message);
if (options is null)
{
    var help = message == Options.Usage;
    (help ? Console.Out : Console.Error).WriteLine(message);
    return help ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
var bots = new List<BotProcess>();
PostgresServer? postgres = null;
// Ctrl+C, SIGTERM, SIGQUIT: unwind through the finally below, which stops the bot. (A PosixSignalRegistration rather
// than Console.CancelKeyPress, because the fake connector's host would otherwise take SIGTERM for itself.)
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    if (cancel.IsCancellationRequested) return;
    Console.Error.WriteLine($"{signal.Signal}: stopping the bot…");
    cancel.Cancel();
}

using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);
AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll(); // SIGTERM and other exits: never leave the bot (or its database) running

void StopAll()
{
    foreach (var running in bots)
        running.Dispose();
    postgres?.Dispose();
}

try
{
    await using var connector = await FakeBotConnector.StartAsync();
    var settings = TestRoster.Settings();
    if (options.OnPostgreSql)
    {
        postgres = await PostgresServer.StartAsync(durable: true, cancellationToken: cancel.Token);
        settings["Storage:Provider"] = "PostgreSql";
        settings["Storage:PostgreSql:ConnectionString"] = postgres.ConnectionString;
    }

    if (options.Url is { } url)
        bots.Add(BotProcess.Attach(url, options.BotPid));
    else
        for (var i = 0; i < options.Instances; i++)
            bots.Add(BotProcess.Start(options.BotPath, settings));

    var clients = bots.Select(b => new HttpClient(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = options.Concurrency + 2,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        BaseAddress = b.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    }).ToList();

    Console.WriteLine("OpinionBot load benchmark");
    Console.WriteLine($"  bot          {(options.Url is null ? options.BotPath : $"already running (pid {options.BotPid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})")}");
    Console.WriteLine($"  store        {(options.Url is not null ? "(the running bot's)" : options.OnPostgreSql ? $"PostgreSql (throw-away server on port {postgres!.Port}, durable)" : "LiteDb (a fresh file)")}");
    if (bots.Count > 1)
        Console.WriteLine($"  instances    {bots.Count}, the load split between them round-robin");
    foreach (var running in bots)
        Console.WriteLine($"  listening    {running.BaseAddress} (connector {connector.ServiceUrl})");
    Console.WriteLine($"  machine      {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}");
    Console.WriteLine($"  approver     {(options.ApproverChat ? $"{TestRoster.LeaderEmail} has a personal chat with the bot: every report queues an approval card" : "no personal chat (--no-approver-chat): a report queues no approval card")}");
    Console.WriteLine($"  posts        {(options.Late ? "published two days before the report (late-report path: slips and escalations at intake)" : "published 20 minutes before the report")}");

    var startup = Stopwatch.StartNew();
    await Task.WhenAll(bots.Select((b, i) => b.WaitUntilHealthyAsync(clients[i], TimeSpan.FromSeconds(60), cancel.Token)));
    Console.WriteLine($"  healthy in   {startup.Elapsed.TotalSeconds:0.00} s");

    // Bodies are serialized up front so the measured loop only sends and reads.
    var web = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    var published = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))
        .AddMinutes(options.Late ? -2 * 24 * 60 : -20);
    Dictionary<string, string> Submission(string submissionId) => IntakeSubmission.Valid(submissionId)
        .With("publishedDate", published.ToString("yyyy-MM-dd")).With("publishedTime", published.ToString("HH:mm"))
        .With("discoveredDate", published.AddMinutes(10).ToString("yyyy-MM-dd")).With("discoveredTime", published.AddMinutes(10).ToString("HH:mm"));
    byte[] Body(string submissionId) => JsonSerializer.SerializeToUtf8Bytes(
        TeamsActivities.CardAction(connector.ServiceUrl, "case.report", Submission(submissionId)), web);
    var run = Guid.NewGuid().ToString("N")[..8];
    var warmupBodies = Enumerable.Range(1, options.Warmup).Select(i => Body($"load-{run}-w{i:D5}")).ToArray();
    var bodies = Enumerable.Range(1, options.Reports).Select(i => Body($"load-{run}-r{i:D5}")).ToArray();

    if (options.ApproverChat)
    {
        // The leader asks for their cases once ("我的" resolves who they are, so the bot learns their personal chat):
        // every report then queues the leader's approval card.
        const string LeaderTeamsId = "29:leader";
        connector.MemberEmails[LeaderTeamsId] = TestRoster.LeaderEmail;
        var hello = JsonSerializer.SerializeToUtf8Bytes(TeamsActivities.Message(connector.ServiceUrl, "我的", conversationId: "a:leader-chat",
            from: TeamsActivities.User(LeaderTeamsId, name: "Wang Qiang"), locale: "zh-CN"), web);
        foreach (var client in clients)
        {
            var greeted = await Load.RunAsync(client, [hello], 1, cancel.Token);
            if (greeted[0].Status != HttpStatusCode.OK)
                throw new InvalidOperationException($"The leader's first message was refused: {greeted[0].Error ?? $"HTTP {(int?)greeted[0].Status}"}.");
        }
    }

    var warmup = Load.Read(await Load.RunAsync(clients, warmupBodies, options.Concurrency, cancel.Token));
    TimeSpan? BotsCpu() => bots.Aggregate((TimeSpan?)TimeSpan.Zero, (sum, b) => sum + b.CpuTime);
    var botCpuBefore = BotsCpu();
    var databaseCpuBefore = postgres is null ? null : ProcessTreeCpu.Of(postgres.PostmasterId);
    var ownCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var windowStart = DateTime.UtcNow;
    using var probe = DiskProbe.Start();
    var elapsed = Stopwatch.StartNew();
    var answers = await Load.RunAsync(clients, bodies, options.Concurrency, cancel.Token);
    elapsed.Stop();
    var disk = probe.Stop();
    var botCpu = BotsCpu() - botCpuBefore ?? TimeSpan.Zero;
    var databaseCpu = postgres is null ? null : ProcessTreeCpu.Of(postgres.PostmasterId) - databaseCpuBefore;
    var ownCpu = Process.GetCurrentProcess().TotalProcessorTime - ownCpuBefore;
    var measured = Load.Read(answers);

    var latencies = measured.Select(r => r.Milliseconds).Order().ToArray();
    var errors = measured.Where(r => r.Error is not null).ToList();
    var warmupErrors = warmup.Count(r => r.Error is not null);
    Console.WriteLine($"  warm-up      {options.Warmup} reports, {warmupErrors} errors (not measured)");
    Console.WriteLine($"  reports      {options.Reports}");
    Console.WriteLine($"  concurrency  {options.Concurrency}");
    Console.WriteLine($"  elapsed      {elapsed.Elapsed.TotalSeconds:0.000} s, {windowStart:HH:mm:ss.fff}–{windowStart + elapsed.Elapsed:HH:mm:ss.fff} UTC");
    Console.WriteLine($"  disk         {disk}");
    Console.WriteLine($"  throughput   {options.Reports / elapsed.Elapsed.TotalSeconds:0.0} reports/s");
    Console.WriteLine($"  latency ms   p50 {Load.Percentile(latencies, 50):0.00}  p90 {Load.Percentile(latencies, 90):0.00}  "
        + $"p99 {Load.Percentile(latencies, 99):0.00}  max {latencies[^1]:0.00}");
    Console.WriteLine(botCpuBefore is null
        ? $"  cpu          bot unknown (give --bot-pid); benchmark + connector {ownCpu.TotalSeconds:0.00} s"
        : $"  cpu          bot {botCpu.TotalSeconds:0.00} s ({botCpu.TotalMilliseconds / options.Reports:0.00} ms/report, "
        + $"{botCpu / elapsed.Elapsed / Environment.ProcessorCount:P0} of the machine); benchmark + connector {ownCpu.TotalSeconds:0.00} s");
    if (databaseCpu is { } dbCpu)
        Console.WriteLine($"  cpu          postgres {dbCpu.TotalSeconds:0.00} s ({dbCpu.TotalMilliseconds / options.Reports:0.00} ms/report, "
            + $"{dbCpu / elapsed.Elapsed / Environment.ProcessorCount:P0} of the machine); bot + postgres {(botCpu + dbCpu).TotalMilliseconds / options.Reports:0.00} ms/report");
    Console.WriteLine($"  errors       {errors.Count}");
    foreach (var group in errors.Concat(warmup.Where(r => r.Error is not null)).GroupBy(r => r.Error).Take(5))
        Console.WriteLine($"    {group.Count()} × {group.Key}");
    Console.WriteLine($"  connector    {connector.Calls.Count} calls received");

    var numbering = Load.CheckNumbering(warmup.Concat(measured).ToList(), options.Warmup + options.Reports, fromOne: options.Url is null);
    Console.WriteLine($"  numbering    {numbering.Message}");

    if (bots.FirstOrDefault(b => b.HasExited) is { } exited)
    {
        Console.Error.WriteLine("A bot exited during the run.\n" + exited.RecentOutput());
        return 1;
    }

    // The floor of the same run: the same bodies, client settings and concurrency against bare Kestrel, once the
    // bots have stopped (a bot still flushing or delivering in the background would take CPU from the floor).
    StopAll();
    await using (var floor = await FloorServer.StartAsync())
    {
        using var floorClient = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency + 2, UseProxy = false, UseCookies = false })
        {
            BaseAddress = floor.BaseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        await Load.RunAsync(floorClient, warmupBodies, options.Concurrency, cancel.Token);
        var floorClock = Stopwatch.StartNew();
        var floorAnswers = await Load.RunAsync(floorClient, bodies, options.Concurrency, cancel.Token);
        floorClock.Stop();
        var floorRun = Load.Read(floorAnswers);
        var floorLatencies = floorRun.Select(r => r.Milliseconds).Order().ToArray();
        var reportsPerSecond = options.Reports / elapsed.Elapsed.TotalSeconds;
        var floorPerSecond = options.Reports / floorClock.Elapsed.TotalSeconds;
        Console.WriteLine($"  floor        {floorPerSecond:0.0} answers/s, p50 {Load.Percentile(floorLatencies, 50):0.00}  p99 {Load.Percentile(floorLatencies, 99):0.00} ms, "
            + $"{floorRun.Count(r => r.Error is not null)} errors (bare Kestrel in this process: reads the activity, answers a one-line card)");
        Console.WriteLine($"  vs floor     {reportsPerSecond / floorPerSecond:0.00}× its rate, {Load.Percentile(latencies, 99) / Load.Percentile(floorLatencies, 99):0.0}× its p99");
    }

    return errors.Count == 0 && warmupErrors == 0 && numbering.Ok ? 0 : 1;
}
catch (OperationCanceledException) when (cancel.IsCancellationRequested)
{
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or TimeoutException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
finally
{
    StopAll();
}

namespace OpinionBot.LoadTest
{
    /// <summary>One submission's outcome: latency, the case number on the returned card, or what was wrong.</summary>
    public sealed record Outcome(double Milliseconds, string? CaseNumber, string? Error);

    /// <summary>
    /// What came back for one submission, kept as it came: it is read (<see cref="Load.Read"/>) once the clock has
    /// stopped, so that parsing the answers takes no CPU from the bot during the measured run.
    /// </summary>
    public sealed record Answer(double Milliseconds, HttpStatusCode? Status, byte[]? Body, string? Error);

    public sealed record NumberingCheck(bool Ok, string Message);

    public static partial class Load
    {
        [GeneratedRegex(@"(\d{4})-(\d{4})")]
        private static partial Regex CaseNumberPattern();

        /// <summary>Posts every body once, from <paramref name="concurrency"/> workers taking the next body in turn.</summary>
        public static Task<Answer[]> RunAsync(HttpClient client, byte[][] bodies, int concurrency, CancellationToken cancellationToken) =>
            RunAsync([client], bodies, concurrency, cancellationToken);

        /// <summary>The same, body i going to <paramref name="clients"/>[i mod n]: the load split between several instances.</summary>
        public static async Task<Answer[]> RunAsync(IReadOnlyList<HttpClient> clients, byte[][] bodies, int concurrency, CancellationToken cancellationToken)
        {
            var outcomes = new Answer[bodies.Length];
            var next = -1;

            async Task Worker()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < bodies.Length)
                    outcomes[i] = await SubmitAsync(clients[i % clients.Count], bodies[i], cancellationToken);
            }

            await Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, Math.Max(bodies.Length, 1))).Select(_ => Task.Run(Worker, cancellationToken)));
            return outcomes;
        }

        /// <summary>The outcomes of <paramref name="answers"/>: each answer checked, its case number read.</summary>
        public static Outcome[] Read(Answer[] answers) => answers.Select(a =>
            a.Error is not null ? new Outcome(a.Milliseconds, null, a.Error)
            : a.Status != HttpStatusCode.OK ? new Outcome(a.Milliseconds, null, $"HTTP {(int)a.Status!}")
            : ReadCard(a.Milliseconds, System.Text.Encoding.UTF8.GetString(a.Body!))).ToArray();

        private static async Task<Answer> SubmitAsync(HttpClient client, byte[] body, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            byte[] answer;
            HttpStatusCode status;
            try
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
                using var response = await client.PostAsync("api/messages", content, cancellationToken);
                status = response.StatusCode;
                answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            }
            catch (HttpRequestException e)
            {
                return new Answer(clock.Elapsed.TotalMilliseconds, null, null, "HTTP failure: " + e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return new Answer(clock.Elapsed.TotalMilliseconds, null, null, "timed out");
            }

            return new Answer(clock.Elapsed.TotalMilliseconds, status, answer, null);
        }

        /// <summary>The answer must be <c>{statusCode: 200, type: adaptive card, value: card}</c> whose first line names the new case.</summary>
        private static Outcome ReadCard(double milliseconds, string text)
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                if (!root.TryGetProperty("type", out var type) || type.GetString() != "application/vnd.microsoft.card.adaptive")
                    return new Outcome(milliseconds, null, "not a card: " + Shorten(text));
                if (root.TryGetProperty("statusCode", out var code) && code.GetInt32() != 200)
                    return new Outcome(milliseconds, null, $"card with statusCode {code.GetInt32()}");
                if (!root.TryGetProperty("value", out var card) || card.ValueKind != JsonValueKind.Object)
                    return new Outcome(milliseconds, null, "card without value");

                // The note prepended to the case card ("已登记为事件 **2026-0001**") is the first text on it.
                var match = CaseNumberPattern().Match(Regex.Unescape(card.GetRawText()));
                return match.Success
                    ? new Outcome(milliseconds, match.Value, null)
                    : new Outcome(milliseconds, null, "card without a case number");
            }
            catch (JsonException)
            {
                return new Outcome(milliseconds, null, "not JSON: " + Shorten(text));
            }
        }

        private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

        /// <summary>Nearest-rank percentile of sorted values.</summary>
        public static double Percentile(double[] sorted, double percent)
        {
            if (sorted.Length == 0) return double.NaN;
            var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }

        /// <summary>
        /// Every submission made a new case, numbered YEAR-0001..YEAR-<paramref name="expected"/> with no gaps or
        /// duplicates (or, unless <paramref name="fromOne"/>, one such block starting at the lowest number returned:
        /// a bot that already held cases). The year is the bot's (its clock, in the organisation's time zone), taken
        /// from the first answer.
        /// </summary>
        public static NumberingCheck CheckNumbering(IReadOnlyList<Outcome> outcomes, int expected, bool fromOne = true)
        {
            var numbers = outcomes.Select(o => o.CaseNumber).OfType<string>().ToList();
            if (numbers.Count == 0)
                return new(false, "FAIL: no case numbers returned");

            var year = numbers[0][..4];
            var first = fromOne ? 1 : numbers.Where(n => n.StartsWith(year, StringComparison.Ordinal)).Min(n => int.Parse(n[5..], CultureInfo.InvariantCulture));
            var want = Enumerable.Range(first, expected).Select(i => $"{year}-{i:D4}").ToList();
            var duplicates = numbers.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var missing = want.Except(numbers).ToList();
            var unexpected = numbers.Distinct().Except(want).ToList();
            if (duplicates.Count == 0 && missing.Count == 0 && unexpected.Count == 0 && numbers.Count == expected)
                return new(true, $"OK: {want[0]}..{want[^1]}, {expected} distinct case numbers, no gaps or duplicates");

            static string List(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items.Take(5)) + (items.Count > 5 ? $" (+{items.Count - 5})" : "");
            return new(false, $"FAIL: {numbers.Count} numbers for {expected} submissions; duplicates {List(duplicates)}; "
                + $"missing {List(missing)}; unexpected {List(unexpected)}");
        }
    }
}
