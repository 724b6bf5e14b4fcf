using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Cases;
using OpinionBot.Procedure;
using OpinionBot.Roster;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Procedure;

/// <summary>The procedure over the real store: numbering, repeated submissions, and the change and its messages written together or not at all.</summary>
public sealed class CaseProcedureTests : IAsyncLifetime
{
    private readonly FaultBetweenCaseAndCards _fault = new();
    private FakeBotConnector _connector = null!;
    private BotApplication _bot = null!;

    private CaseProcedure Procedure => _bot.Services.GetRequiredService<CaseProcedure>();
    private ILiteDatabase Database => _bot.Services.GetRequiredService<ILiteDatabase>();

    public async Task InitializeAsync()
    {
        _connector = await FakeBotConnector.StartAsync();
        _bot = new BotApplication(TestRoster.Settings(), services => services.AddSingleton<ICaseReaction>(_fault));
        // The supervising leader has a personal chat, so a report queues an approval card.
        _connector.MemberEmails["29:leader"] = TestRoster.LeaderEmail;
        await _bot.PostActivityAsync(TeamsActivities.Message(_connector.ServiceUrl, "我的", conversationId: "a:leader-chat", from: TeamsActivities.User("29:leader", name: "Wang Qiang"), locale: "zh-CN"));
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
    }

    private static readonly Actor Officer = new(TestRoster.OfficerAad, "29:officer", "Li Lei", [TestRoster.Unit1], [], [], false, false, false);

    private Case Draft(int year = 2026, string? submission = null) => new()
    {
        Year = year, SubmissionId = submission ?? Guid.NewGuid().ToString("N"), Title = "食堂视频", UnitId = TestRoster.Unit1, Level = CaseLevel.IV,
        Links = ["https://weibo.com/1"], ReporterKey = Officer.Key, ReporterName = Officer.Name,
        ReportedAt = _bot.Clock.GetUtcNow(), DiscoveredAt = _bot.Clock.GetUtcNow().AddMinutes(-20), ReportedOn = new DateOnly(year, 11, 23),
    };

    [Fact]
    public void The_same_submission_many_times_at_once_makes_one_case_and_costs_no_number()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<(string Submission, string Number, bool Repeated)>();

        Parallel.For(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var submission = i % 2 == 0 ? "s-twice" : $"s-{i}";
            var result = Procedure.Report(Draft(submission: submission), Officer);
            results.Add((submission, result.Case!.Number, result.Repeated));
        });

        var repeated = results.Where(r => r.Submission == "s-twice").ToList();
        Assert.Single(repeated.Select(r => r.Number).Distinct());
        Assert.Equal(29, repeated.Count(r => r.Repeated));
        Assert.Equal(Enumerable.Range(1, 31).Select(i => $"2026-{i:D4}"), results.Select(r => r.Number).Distinct().Order());
        Assert.Single(Database.GetCollection("cases").Find(Query.EQ("SubmissionId", "s-twice")));
        Assert.Equal(31, Database.GetCollection("case_clocks").Count());
    }

    [Fact]
    public void Concurrent_reports_get_consecutive_numbers_without_gaps_or_duplicates()
    {
        var numbers = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 100, new ParallelOptions { MaxDegreeOfParallelism = 16 }, _ => numbers.Add(Procedure.Report(Draft(), Officer).Case!.Number));

        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"2026-{i:D4}"), numbers.Order());
    }

    [Fact]
    public void Each_year_counts_from_one_and_the_same_submission_twice_makes_one_case()
    {
        Assert.Equal("2026-0001", Procedure.Report(Draft(2026, "s-1"), Officer).Case!.Number);
        var again = Procedure.Report(Draft(2026, "s-1"), Officer);
        Assert.Equal(("2026-0001", true), (again.Case!.Number, again.Repeated));
        Assert.Equal("2027-0001", Procedure.Report(Draft(2027), Officer).Case!.Number);
        Assert.Equal("2026-0002", Procedure.Report(Draft(2026), Officer).Case!.Number);
        Assert.Single(Database.GetCollection("case_events").Find(Query.EQ("CaseNumber", "2026-0001")), e => e["Kind"] == "Reported");
    }

    [Fact]
    public void A_failure_after_the_case_is_written_and_before_its_cards_are_queued_leaves_neither()
    {
        _fault.Armed = true;

        Assert.Throws<InvalidOperationException>(() => Procedure.Report(Draft(submission: "s-1"), Officer));

        Assert.Equal(0, Database.GetCollection("cases").Count());
        Assert.Equal(0, Database.GetCollection("case_events").Count());
        Assert.Equal(0, Database.GetCollection(OpinionBot.Deadlines.OwedStepStore.Collection).Count());
        Assert.Equal(0, Database.GetCollection("approval_requests").Count());
        Assert.Equal(0, Database.GetCollection("outbox").Count());

        _fault.Armed = false;
        var result = Procedure.Report(Draft(submission: "s-1"), Officer);

        Assert.Equal("2026-0001", result.Case!.Number);
        Assert.Equal(1, Database.GetCollection("approval_requests").Count());
        Assert.True(Database.GetCollection("outbox").Count() >= 1);
    }

    [Fact]
    public void A_failure_while_a_decision_is_applied_leaves_the_case_and_its_open_card_as_they_were()
    {
        var number = Procedure.Report(Draft(), Officer).Case!.Number;
        var outboxBefore = Database.GetCollection("outbox").Count();
        var leader = new Actor(TestRoster.LeaderEmail, "29:leader", "Wang Qiang", [], [TestRoster.Unit1], [], false, false, false);
        _fault.Armed = true;

        Assert.Throws<InvalidOperationException>(() => Procedure.Apply(number, leader, new CaseCommand(CaseAction.Approve), "invoke:1"));

        Assert.Equal("Reported", Database.GetCollection("cases").FindById(number)["State"].AsString);
        Assert.False(Database.GetCollection("approval_requests").FindAll().Single()["Closed"].AsBoolean);
        Assert.Equal(outboxBefore, Database.GetCollection("outbox").Count());
        _fault.Armed = false;
        Assert.True(Procedure.Apply(number, leader, new CaseCommand(CaseAction.Approve), "invoke:1").Decision.Allowed);
    }

    /// <summary>A reaction that runs after the case and its events are written and before any card is queued, and fails when armed.</summary>
    private sealed class FaultBetweenCaseAndCards : ICaseReaction
    {
        public bool Armed { get; set; }

        public int Order => 50;

        public void React(CaseChange change)
        {
            if (Armed) throw new InvalidOperationException("injected fault between the case and its cards");
        }
    }
}
