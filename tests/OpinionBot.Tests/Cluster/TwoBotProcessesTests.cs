using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;
using OpinionBot.LoadTest;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;
using Xunit.Abstractions;

namespace OpinionBot.Tests.Cluster;

/// <summary>
/// Two bot processes (the built OpinionBot.dll, as the load benchmark starts it) on one PostgreSQL database and one fake
/// connector: 2,000 reports split between them, one killed half-way. Every report makes exactly one case, numbered
/// without gaps; every approval card is delivered (the dead instance's outbox rows by the other); the overdue scan,
/// a clustered Quartz job every second, sends each reminder slip once and keeps running on the survivor.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class TwoBotProcessesTests(PostgresFixture postgres, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Reports = 2000;
    private const int Units = 50;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly List<BotProcess> _bots = [];
    private FakeBotConnector _connector = null!;
    private string _database = "";

    public async Task InitializeAsync()
    {
        _database = await postgres.CreateDatabaseAsync(migrate: false);
        _connector = await FakeBotConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
            bot.Dispose();
        await _connector.DisposeAsync();
    }

    private static string BotDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var dll = Path.Combine(RepositoryRoot.Path, "src", "OpinionBot", "bin", configuration, "net10.0", "OpinionBot.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is not built: dotnet build OpinionBot.sln -c {configuration}");
    }

    /// <summary>50 units, each with its own supervising leader (whose chat the bot knows, so each report sends a card) and the test officer.</summary>
    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSql:ConnectionString"] = _database,
            ["Storage:PostgreSql:OutboxLease"] = "00:00:10",
            ["Storage:PostgreSql:OutboxPoll"] = "00:00:01",
            // The killed instance may hold the scan's next firing: it is taken over in seconds, well inside one reminder interval.
            ["Storage:PostgreSql:SchedulerCheckin"] = "00:00:02",
            ["Delivery:GlobalPerSecond"] = "1000",
            ["Workflow:Reminders:Interval"] = "00:00:15",
            ["Schedule:OverdueScan"] = "* * * * * ?",
            ["Organization:Office:Members:0"] = TestRoster.OfficeEmail,
            ["Organization:Admins:0"] = TestRoster.Admin,
            ["Logging:LogLevel:Quartz"] = "Warning",
        };
        foreach (var schedule in new[] { "ZeroReportReminder", "ZeroReportDeadline", "DailyBriefing", "WeeklySummary" })
            settings[$"Schedule:{schedule}"] = BotApplication.NeverFires;
        for (var i = 0; i < Units; i++)
        {
            settings[$"Organization:Units:{i}:Id"] = Unit(i);
            settings[$"Organization:Units:{i}:Name"] = $"单位{i}";
            settings[$"Organization:Units:{i}:Officers:0"] = TestRoster.OfficerAad;
            settings[$"Organization:Units:{i}:SupervisingLeaders:0"] = $"leader{i}@contoso.example";
        }

        return settings;
    }

    private static string Unit(int i) => $"unit{i:D2}";

    private static string LeaderChat(int i) => $"a:leader{i:D2}";

    /// <summary>A report discovered and posted this minute (no clock has run out); the same submission id is the same report.</summary>
    private static Dictionary<string, string> FreshReport(string submissionId, int unit)
    {
        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai);
        var (date, time) = (local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
        return IntakeSubmission.Valid(submissionId, Unit(unit))
            .With("publishedDate", date).With("publishedTime", time).With("discoveredDate", date).With("discoveredTime", time);
    }

    private static HttpClient Client(BotProcess bot) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 16, UseProxy = false })
    {
        BaseAddress = bot.BaseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<string?> PostAsync(HttpClient client, object activity)
    {
        using var content = JsonContent(activity);
        using var response = await client.PostAsync("api/messages", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return CaseNumberPattern().Match(Regex.Unescape(text)) is { Success: true } match ? match.Value : null;
    }

    private static StringContent JsonContent(object activity) =>
        new(JsonSerializer.Serialize(activity, new JsonSerializerOptions(JsonSerializerDefaults.Web)), System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex(@"\d{4}-\d{4}")]
    private static partial Regex CaseNumberPattern();

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(_database);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.\n{string.Join("\n", _bots.Select(b => b.RecentOutput()))}");
            await Task.Delay(200);
        }
    }

    /// <summary>Accepted sends of slip n of a case ("提醒单（第 n 次）— 事件 number"), counted by conversation and card (a card per clock).</summary>
    private Dictionary<string, int> SlipDeliveries(string number, int slip) =>
        _connector.Accepted.Where(a => a.Call.Method == "POST" && a.Call.Body is { } body
                && body.TryGetProperty("summary", out var summary) && summary.GetString() == $"提醒单（第 {slip} 次）— 事件 {number}")
            .GroupBy(a => $"{a.Call.Path.Split('/')[3]} {a.Call.CardJson}")
            .ToDictionary(g => g.Key, g => g.Count());

    private IEnumerable<string> SlipSummaries() =>
        _connector.Accepted.Select(a => a.Call.Body is { } body && body.TryGetProperty("summary", out var summary) ? summary.GetString() : null)
            .OfType<string>().Where(s => s.StartsWith("提醒单", StringComparison.Ordinal)).Distinct();

    [Fact]
    public async Task Two_instances_share_the_work_and_the_survivor_finishes_what_the_killed_one_left()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var settings = Settings();
        var (first, second) = (BotProcess.Start(BotDll(), settings), BotProcess.Start(BotDll(), settings));
        _bots.AddRange([first, second]);
        using var toFirst = Client(first);
        using var toSecond = Client(second);
        await Task.WhenAll(first.WaitUntilHealthyAsync(toFirst, Bound, default), second.WaitUntilHealthyAsync(toSecond, Bound, default));
        output.WriteLine($"both healthy after {clock.Elapsed.TotalSeconds:0.0} s");

        // Every leader talks to the bot once (half of them through each instance), so cards can reach them.
        await Task.WhenAll(Enumerable.Range(0, Units).Select(i =>
        {
            _connector.MemberEmails[$"29:leader{i}"] = $"leader{i}@contoso.example";
            return PostAsync(i % 2 == 0 ? toFirst : toSecond,
                TeamsActivities.Message(_connector.ServiceUrl, "我的", conversationId: LeaderChat(i), locale: "zh-CN", from: TeamsActivities.User($"29:leader{i}", name: $"Leader {i}")));
        }));

        // A report discovered days ago (23 November): its clocks ran out long since, so slip 1 goes at intake, slip 2 fifteen seconds later from the scan.
        var early = await PostAsync(toFirst, TeamsActivities.CardAction(_connector.ServiceUrl, "case.report", IntakeSubmission.Valid("late-1", Unit(0))));
        Assert.NotNull(early);

        // 2,000 reports from 8 workers, alternating between the instances. From half-way, once the early case's second slip
        // has gone, the first is killed (after it takes one more late report, whose second slip falls due once it is gone).
        // What it did not answer goes to the second.
        var numbers = new ConcurrentDictionary<int, string>();
        var next = -1;
        var (killing, killed) = (0, 0);
        string? late = null;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Reports)
            {
                if (i == Reports / 2 && Interlocked.Exchange(ref killing, 1) == 0)
                {
                    // Slip 2 of the early case is to go while both instances run (the others keep reporting meanwhile).
                    await WaitUntil(() => Task.FromResult(SlipDeliveries(early!, 2).Count > 0), "the early case's second slip was sent before the kill");
                    late = await PostAsync(toFirst, TeamsActivities.CardAction(_connector.ServiceUrl, "case.report", IntakeSubmission.Valid("late-2", Unit(1))));
                    Volatile.Write(ref killed, 1);
                    first.Dispose();
                    output.WriteLine($"first instance killed after {clock.Elapsed.TotalSeconds:0.0} s");
                }

                var report = TeamsActivities.CardAction(_connector.ServiceUrl, "case.report", FreshReport($"bulk-{i}", i % Units));
                for (var attempt = 0; ; attempt++)
                {
                    var client = attempt == 0 && i % 2 == 0 && Volatile.Read(ref killed) == 0 ? toFirst : toSecond;
                    try
                    {
                        numbers[i] = await PostAsync(client, report) ?? throw new InvalidOperationException($"report {i}: no case number");
                        break;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException && client == toFirst && attempt < 3)
                    {
                        // The first instance died under this request: the same submission again, to the second.
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Worker)));
        output.WriteLine($"{Reports} reports answered after {clock.Elapsed.TotalSeconds:0.0} s");

        // Numbering: one case per submission, numbered 1..N without gaps, whichever instance took it.
        var year = int.Parse(early![..4], CultureInfo.InvariantCulture);
        Assert.Equal(Reports + 2, await ScalarAsync<long>("SELECT count(*) FROM cases"));
        Assert.Equal(Reports + 2, numbers.Values.Append(early).Append(late!).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, Reports + 2).Select(n => $"{year}-{n:D4}"), numbers.Values.Append(early).Append(late!).Order(StringComparer.Ordinal));

        // The outbox: everything delivered by the survivor in the end, each leader's cards in one conversation each.
        await WaitUntil(async () => await ScalarAsync<long>("SELECT count(*) FROM outbox WHERE state <> 'Sent'") == 0, "every outbox message was sent");
        output.WriteLine($"outbox drained after {clock.Elapsed.TotalSeconds:0.0} s ({_connector.Accepted.Count} activities accepted)");
        var carded = _connector.Accepted
            .Where(a => a.Call.Method == "POST" && a.Call.Path.StartsWith("/v3/conversations/a:leader", StringComparison.Ordinal))
            .Select(a => CaseNumberPattern().Match(Regex.Unescape(a.Call.Body!.Value.GetRawText())).Value)
            .ToList();
        Assert.Empty(numbers.Values.Except(carded));
        var twice = carded.GroupBy(n => n).Count(g => g.Count() > 1);
        output.WriteLine($"cards sent twice (in flight when the first instance was killed): {twice}");
        Assert.InRange(twice, 0, 8);

        // Slips: the early case's were due while both instances ran, the late case's second after the kill (only the
        // survivor's scan could send it). Each reached each of its recipients once. (The late case's first slip, queued
        // by the first instance just before it was killed, may have been in flight then, and so sent again.)
        await WaitUntil(() => Task.FromResult(SlipDeliveries(late!, 2).Count > 0), "the late case's second slip was sent");
        foreach (var (number, slip, most) in new[] { (early!, 1, 1), (early!, 2, 1), (late!, 1, 2), (late!, 2, 1) })
        {
            var delivered = SlipDeliveries(number, slip);
            Assert.True(delivered.Count > 0, $"slip {slip} of {number} was never sent; slips sent: {string.Join(", ", SlipSummaries())}");
            Assert.All(delivered, d => Assert.True(d.Value >= 1 && d.Value <= most, $"slip {slip} of {number} reached {d.Key[..d.Key.IndexOf(' ')]} {d.Value} times"));
        }

        Assert.False(second.HasExited, second.RecentOutput());
        output.WriteLine($"done after {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
