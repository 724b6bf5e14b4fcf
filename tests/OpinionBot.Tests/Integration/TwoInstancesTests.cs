using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Cases;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Integration;

/// <summary>
/// Two instances of the service in this process (each with its own fake clock, at the same time) on one PostgreSQL
/// database and one fake connector: what one stores the other reads, what one queues either may deliver, and
/// simultaneous commands on both make one decision.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesTests(PostgresFixture postgres) : ApprovalTestBase
{
    private readonly string _database = postgres.CreateDatabaseAsync(migrate: false).GetAwaiter().GetResult();
    private BotApplication? _second;

    protected override Dictionary<string, string?> ExtraSettings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:PostgreSql:ConnectionString"] = _database,
    };

    /// <summary>The second instance, on the same settings (so the same database).</summary>
    private BotApplication Second => _second ??= new BotApplication(Settings);

    private ICaseStore Cases => Bot.Services.GetRequiredService<ICaseStore>();

    public override async Task DisposeAsync()
    {
        if (_second is not null)
            await _second.DisposeAsync();
        await base.DisposeAsync();
    }

    private async Task<JsonElement> PressOnAsync(BotApplication instance, object who, string verb, Dictionary<string, object?> data)
    {
        var response = await instance.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, verb, data, who));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task A_card_queued_by_one_instance_is_delivered_by_the_other_and_presses_on_both_make_one_decision()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        var submitted = await Bot.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid().With("level", "IV")));
        Assert.Equal(System.Net.HttpStatusCode.OK, submitted.StatusCode);
        Assert.NotEqual(0, Bot.Services.GetRequiredService<IOutboxStore>().Count(OutboxState.Pending));

        await Second.DeliverOutboxAsync();
        var sent = Assert.Single(SentTo(LeaderChat));
        var number = Assert.Single(Cases.OpenCases([TestRoster.Unit1], 10)).Number;
        Assert.Equal(0, Second.Services.GetRequiredService<IOutboxStore>().Count(OutboxState.Pending));

        var data = ButtonData(sent.Card, "case.approve");
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => PressOnAsync(i % 2 == 0 ? Bot : Second, Leader, "case.approve", new(data))));
        await Bot.DeliverOutboxAsync();
        await Second.DeliverOutboxAsync();

        Assert.Single(Cases.Timeline(number), e => e.Kind == CaseEventKind.Approved);
        Assert.Equal(OpinionBot.Cases.CaseState.InProgress, Cases.Find(number)!.State);
        Assert.All(responses, r => Assert.Contains("审核同意——Wang Qiang", Text(r.GetProperty("value"))));
        Assert.Equal(19, responses.Count(r => Text(r.GetProperty("value")).Contains("此卡片已过期")));
        Assert.Single(UpdatesIn(LeaderChat));
    }

    [Fact]
    public async Task Reports_on_both_instances_at_once_are_numbered_without_gaps_or_duplicates()
    {
        var year = Bot.Clock.GetUtcNow().Year;
        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 0 ? Bot : Second).PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid($"two-{i}")))));
        Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode));

        // The same submissions again, each on the other instance: nothing new.
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            (i % 2 == 1 ? Bot : Second).PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid($"two-{i}")))));

        var numbers = Cases.OpenCases([TestRoster.Unit1], 100).Select(c => c.Number).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(1, 30).Select(n => CaseNumber.Format(year, n)), numbers);
    }
}
