using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Approvals;
using OpinionBot.Procedure;
using OpinionBot.Bot;
using OpinionBot.Briefings;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines.Reminders;
using OpinionBot.Cases;
using OpinionBot.Cases.Intake;
using OpinionBot.Deadlines;
using OpinionBot.Help;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Cards;

/// <summary>Every card the bot can produce, in both languages, built by the real services. A feature that adds a card adds it here.</summary>
public static class CardCatalog
{
    public static IEnumerable<(string Name, JsonObject Card)> All()
    {
        using var bot = new BotApplication(TestRoster.Settings());
        var services = bot.Services;
        var texts = services.GetRequiredService<BotTexts>();
        var commands = services.GetRequiredService<CommandRouter>().Commands;
        var units = services.GetRequiredService<RosterStore>().AllUnits();
        var validator = services.GetRequiredService<IntakeValidator>();
        var (@case, timeline) = LargestCase();
        var briefings = services.GetRequiredService<BriefingCards>();
        var (daily, weekly) = LargestBriefing();
        var cards = new List<(string, JsonObject)>();
        AddLargestEvidence(services, @case.Number);
        var offer = services.GetRequiredService<OpinionBot.Records.Files.DownloadOffer>();
        var link = LongestLink();
        var deadLetters = services.GetRequiredService<OpinionBot.Records.DeadLetters.DeadLetterCard>();

        foreach (var language in Enum.GetValues<Language>())
        {
            string Text(string key, object?[] args) => texts.Get(language, key, args);
            var tag = language.Tag();
            cards.Add(($"help.{tag}", HelpCard.Build(commands, language, Text).ToJson()));

            var fresh = new IntakeValues { [IntakeFields.SubmissionId] = "0123456789abcdef0123456789abcdef", [IntakeFields.Unit] = units[0].Id };
            cards.Add(($"intake.{tag}", IntakeCard.Build(fresh, [], units, language, texts).ToJson()));
            cards.Add(($"intake.prefilled.{tag}", IntakeCard.Build(fresh, [], units, language, texts, prefilled: true).ToJson()));

            var bad = new IntakeValues { [IntakeFields.Links] = "not a link", [IntakeFields.Reposts] = "-1", [IntakeFields.Level] = "V", [IntakeFields.PublishedDate] = "2026-13-01" };
            var errors = validator.Validate(bad, ["nowhere"]).Errors;
            cards.Add(($"intake.errors.{tag}", IntakeCard.Build(bad, errors, units, language, texts).ToJson()));

            cards.Add(($"case.{tag}", services.GetRequiredService<CaseCard>().Build(@case, timeline, 3, language).ToJson()));
            cards.Add(($"case.evidenceDownload.{tag}", WithOffer(services.GetRequiredService<CaseCard>().Build(@case, timeline, 12, language), offer, link, language).ToJson()));
            cards.Add(($"download.{tag}", offer.Card(link, language, new string('说', 300)).ToJson()));
            cards.Add(($"my.{tag}", services.GetRequiredService<MyCasesCard>().Build(Enumerable.Repeat(@case, 20).ToList(), 57, language).ToJson()));

            var step = new OwedStep { Id = "2026-0042:Review", CaseNumber = @case.Number, Clock = StepClock.Review, OwedBy = StepOwner.SupervisingLeader, DueAt = @case.ReportedAt.AddHours(-30) };
            cards.Add(($"slip.{tag}", services.GetRequiredService<ReminderSlipCard>().Build(@case, step, 3, language).ToJson()));
            cards.Add(($"zeroReminder.{tag}", services.GetRequiredService<ZeroReportReminderCard>().Build(units[0], new DateOnly(2026, 11, 23), "17:00", language).ToJson()));

            var approval = services.GetRequiredService<ApprovalCard>();
            foreach (var stage in Enum.GetValues<ApprovalStage>())
            {
                var request = new ApprovalRequest { CaseNumber = @case.Number, Stage = stage, UnitId = TestRoster.Unit2, StatementId = @case.Statements[0].Id };
                var entered = new ApprovalCardData(@case.Number, request.Id, stage, language, Comment: new string('意', 1000), NewLevel: "I", NewUnit: TestRoster.Unit2);
                cards.Add(($"approval.{stage}.{tag}", approval.Actionable(@case, request, language, Enumerable.Range(0, 60).Select(i => $"29:{new string('x', 80)}{i}").ToList(), entered, error: texts.Get(language, "lifecycle.reasonRequired")).ToJson()));
                cards.Add(($"approval.{stage}.readOnly.{tag}", approval.ReadOnly(@case, request, language, ["29:leader"], "王强").ToJson()));
                request.Closed = true;
                request.Outcome = new ApprovalOutcome { Kind = timeline[^1].Kind, ActorName = "王强", At = timeline[^1].At, Comment = new string('意', 1000) };
                cards.Add(($"approval.{stage}.decided.{tag}", approval.Decided(@case, request, language, texts.Get(language, "approval.staleNote")).ToJson()));
            }

            cards.Add(($"briefing.daily.{tag}", briefings.Daily(daily, language, late: false).ToJson()));
            cards.Add(($"briefing.daily.late.{tag}", briefings.Daily(daily, language, late: true).ToJson()));
            cards.Add(($"briefing.daily.empty.{tag}", briefings.Daily(EmptyDay(), language, late: false).ToJson()));
            cards.Add(($"briefing.weekly.{tag}", briefings.Weekly(weekly, language, late: false).ToJson()));
            cards.Add(($"briefing.weekly.late.{tag}", briefings.Weekly(weekly, language, late: true).ToJson()));
            cards.Add(($"briefing.stats.{tag}", briefings.Weekly(weekly with { Through = weekly.Monday.AddDays(2) }, language, late: false, soFar: true).ToJson()));
            cards.Add(($"briefing.daily.office.{tag}", briefings.Daily(daily, language, late: true, [texts.Get(language, "deadLetters.briefingNote", 99999)]).ToJson()));
            cards.Add(($"briefing.daily.download.{tag}", WithOffer(briefings.Daily(daily, language, late: false), offer, link, language).ToJson()));
            cards.Add(($"briefing.weekly.download.{tag}", WithOffer(briefings.Weekly(weekly, language, late: false), offer, link, language).ToJson()));
            cards.Add(($"deadLetters.empty.{tag}", deadLetters.Build(language).ToJson()));
        }

        AddDeadLetters(services);
        foreach (var language in Enum.GetValues<Language>())
            cards.Add(($"deadLetters.{language.Tag()}", deadLetters.Build(language, texts.Get(language, "deadLetters.retried", 123456)).ToJson()));
        return cards;
    }

    /// <summary>More evidence files than the card lists, with the longest names.</summary>
    private static void AddLargestEvidence(IServiceProvider services, string caseNumber)
    {
        var store = services.GetRequiredService<OpinionBot.Evidence.EvidenceStore>();
        var officer = new Actor("officer@contoso.example", "29:officer", "王芳", [TestRoster.Unit1], [], [], false, false, false);
        for (var i = 0; i < OpinionBot.Records.Evidence.EvidenceList.MaxShown + 2; i++)
            store.Add(caseNumber, new string('图', 200) + $"{i}.png", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [(byte)i, 1, 2], officer, DateTimeOffset.UnixEpoch);
    }

    /// <summary>A dozen dead-lettered messages with long errors, more than the card lists.</summary>
    private static void AddDeadLetters(IServiceProvider services)
    {
        var outbox = services.GetRequiredService<OpinionBot.Delivery.Outbox.OutboxStore>();
        for (var i = 0; i < OpinionBot.Records.DeadLetters.DeadLetterCard.MaxShown + 2; i++)
        {
            var message = new OpinionBot.Delivery.Outbox.OutboxMessage
            {
                ServiceUrl = "https://smba.trafficmanager.net/apac/", ConversationId = $"19:{new string('c', 120)}@thread.tacv2;messageid={i}",
                ActivityJson = "{}", CreatedAt = DateTimeOffset.UnixEpoch, NextAttemptAt = DateTimeOffset.UnixEpoch, Attempts = 8,
            };
            outbox.Enqueue(message);
            outbox.MarkDead(message, "gave up after 8 attempts: " + new string('e', 2000));
        }
    }

    private static OpinionBot.Records.Files.IssuedLink LongestLink() => new(
        new Uri("https://opinionbot.example.org/a/long/base/path/files/" + OpinionBot.Records.Files.LinkToken.New()),
        new OpinionBot.Records.Files.DownloadLink
        {
            FileName = "舆情台账_2026-11-01_2026-11-30.xlsx", Size = 123_456_789, IssuedToName = new string('名', 60),
            ExpiresAt = new DateTimeOffset(2026, 11, 23, 2, 15, 0, TimeSpan.Zero),
        });

    private static OpinionBot.Cards.AdaptiveCard WithOffer(OpinionBot.Cards.AdaptiveCard card, OpinionBot.Records.Files.DownloadOffer offer, OpinionBot.Records.Files.IssuedLink link, Language language)
    {
        foreach (var element in offer.Elements(link, language).Reverse())
            card.Prepend(element);
        return card;
    }

    /// <summary>Briefings at their fullest: many units, every level and platform, full lists of long-titled cases.</summary>
    private static (DailyFigures, WeeklyFigures) LargestBriefing()
    {
        var day = new DateOnly(2026, 11, 22);
        var units = Enumerable.Range(0, 200).Select(i => $"unit-{i:D3}-{new string('u', 30)}").ToList();
        var since = new DateTimeOffset(2026, 11, 20, 1, 0, 0, TimeSpan.Zero);
        var listed = Enumerable.Range(1, BriefingAggregator.ListLimit)
            .Select(i => new BriefingCase($"2026-{i:D4}", new string('题', IntakeFields.MaxTitleLength), CaseLevel.I, units[i], CaseState.PrincipalReview, i % 2 == 0 ? since : null))
            .ToList();
        var daily = new DailyFigures(day, 9999,
            Enum.GetValues<CaseLevel>().Select(l => (l, 2500)).ToList(),
            units.Select(u => (u, 50)).ToList(),
            Enum.GetValues<Platform>().Select(p => (p, 900)).ToList(),
            123456, 4321, listed, true, units, 999, listed);
        var week = new DateOnly(2026, 11, 16);
        var weekly = new WeeklyFigures(week, week.AddDays(6), 99999,
            Enum.GetValues<CaseLevel>().Select(l => (l, 25000)).ToList(),
            units.Select(u => new UnitWeek(u, 999, Enum.GetValues<StepClock>().Select(c => new ClockRate(c, 999, 998)).ToList(), 9999, 999, 5, 5)).ToList(),
            99999, 9999, 5,
            Enumerable.Range(0, 5).Select(i => new WeekCount(week.AddDays(-7 * (4 - i)), 10000 + i)).ToList());
        return (daily, weekly);
    }

    private static DailyFigures EmptyDay() => new(new DateOnly(2026, 11, 21), 0, [], [], [], 0, 0, [], false, [], 0, []);

    /// <summary>A case with every field at its longest and a long timeline, to hold cards to the size limit.</summary>
    private static (Case, IReadOnlyList<CaseEvent>) LargestCase()
    {
        var at = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
        var @case = new Case
        {
            Number = "2026-0042", Title = new string('题', IntakeFields.MaxTitleLength), Summary = new string('摘', IntakeFields.MaxSummaryLength),
            Links = Enumerable.Range(0, IntakeFields.MaxLinks).Select(i => $"https://weibo.com/{i}/{new string('x', 150)}").ToList(),
            Platform = Platform.Weibo, PublishedAt = at.AddHours(-3), DiscoveredAt = at.AddHours(-1), ReportedAt = at,
            ReporterName = "王芳", UnitId = TestRoster.Unit1, Level = CaseLevel.II, Category = CaseCategory.Rumour,
            Flags = Enum.GetValues<CaseFlag>().ToList(), Reach = new Reach { Reposts = 12345, Comments = 678, Views = 9_876_543 },
            CommentTendency = CommentTendency.Negative, NextDeadline = at.AddHours(1), Escalated = true, PendingQuestion = new string('问', 1000),
            CooperatingUnits = [TestRoster.Unit2],
            Dispatches = [new Dispatch { UnitId = TestRoster.Unit1, Role = DispatchRole.Lead, AcknowledgedAt = at }, new Dispatch { UnitId = TestRoster.Unit2, Role = DispatchRole.Cooperating }],
            Statements = [.. Enumerable.Range(2, 6).Select(i => new Statement { Id = i, Kind = StatementKind.StagedUpdate, Text = new string('阶', 2000), Stage = StatementStage.Published, PublishedAt = at, PromisedDate = new DateOnly(2026, 11, 30) }), new Statement { Id = 1, Kind = StatementKind.FormalAnswer, Text = new string('回', 2000), Stage = StatementStage.PrincipalSign, DraftedByName = "王芳", ApprovedByName = "王强", PromisedDate = new DateOnly(2026, 11, 30) }],
            RelatedCases = Enumerable.Range(1, 30).Select(i => $"2026-{i:D4}").ToList(),
        };
        var timeline = Enumerable.Range(0, 40)
            .Select(i => new CaseEvent { CaseNumber = @case.Number, At = at.AddMinutes(i), Kind = CaseEventKind.ProgressNote, ActorName = "王芳", Comment = new string('进', 2000) })
            .ToList();
        return (@case, timeline);
    }
}
