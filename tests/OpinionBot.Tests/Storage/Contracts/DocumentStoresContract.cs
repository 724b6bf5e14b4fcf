using System.Collections.Concurrent;
using System.Text.Json;
using ObjectId = LiteDB.ObjectId;
using OpinionBot.Approvals;
using OpinionBot.Procedure;
using OpinionBot.Briefings;
using OpinionBot.Cases;
using OpinionBot.Conversations;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Roster;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>The smaller stores (steps, approvals, roster, people, conversations, evidence, daily reports, briefings, markers), the same on both stores.</summary>
public abstract class DocumentStoresContract(StoreSet stores) : StoreContract(stores)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private static Actor Officer => new("officer@contoso.example", "29:officer", "陈静", ["propaganda"], [], [], false, false, false);

    /// <summary>A step of <paramref name="number"/> due <paramref name="hours"/> from now, its next slip at its due time; a closed one done now, five minutes early.</summary>
    private static OwedStep StepOf(string number, string clock, int hours, bool open) => new()
    {
        Id = $"{number}:{clock}", CaseNumber = number, UnitId = "propaganda", Clock = StepClock.Review, StartedAt = Now,
        DueAt = Now.AddHours(hours), OpenDueAt = open ? Now.AddHours(hours) : null, Open = open, DoneAt = open ? null : Now,
        NextSlipAt = Now.AddHours(hours),
        Lateness = open ? null : TimeSpan.FromMinutes(-5),
    };

    [Fact]
    public void Owed_steps_are_found_by_case_and_the_ones_due_a_slip_in_slip_order()
    {
        var number = $"case-{_run}";
        OwedStep Step(string clock, int hours, bool open = true) => StepOf(number, clock, hours, open);
        foreach (var step in new[] { Step("b", -1), Step("a", -2), Step("c", 5), Step("done", -3, open: false) })
            Stores.Steps.Save(step);

        Assert.Equal(4, Stores.Steps.ForCase(number).Count);
        Assert.Equal([$"{number}:a", $"{number}:b", $"{number}:c"], Stores.Steps.OpenForCase(number).Select(s => s.Id).Order(StringComparer.Ordinal));
        // Due at or before now, earliest first; a closed step (its NextSlipAt cleared on saving) never.
        var due = Stores.Steps.SlipsDue(Now).Where(id => id.StartsWith(number, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{number}:a", $"{number}:b"], due);
        Assert.Null(Stores.Steps.Find($"{number}:done")!.NextSlipAt);
        var atNow = Step("now", 0);
        Stores.Steps.Save(atNow);
        Assert.Contains(atNow.Id, Stores.Steps.SlipsDue(Now));
        Assert.DoesNotContain(atNow.Id, Stores.Steps.SlipsDue(Now.AddTicks(-10)));
        Assert.Equal(TimeSpan.FromMinutes(-5), Stores.Steps.Find($"{number}:done")!.Lateness);

        var closing = Stores.Steps.Find($"{number}:a")!;
        (closing.Open, closing.OpenDueAt, closing.DoneAt) = (false, null, Now);
        Stores.Steps.Save(closing);
        Assert.DoesNotContain(closing.Id, Stores.Steps.SlipsDue(Now));
        Assert.Null(closing.NextSlipAt);
        Assert.Equal(JsonSerializer.Serialize(closing), JsonSerializer.Serialize(Stores.Steps.Find(closing.Id)));
    }

    [Fact]
    public void A_new_cases_steps_are_written_together_and_read_and_saved_like_any_other()
    {
        var number = $"new-{_run}";
        OwedStep Step(string clock, int hours, bool open = true) => StepOf(number, clock, hours, open);

        Stores.Steps.InsertNew(number, [Step("report", -1, open: false), Step("review", -2), Step("resolve", 48)]);

        Assert.Equal([$"{number}:report", $"{number}:resolve", $"{number}:review"], Stores.Steps.ForCase(number).Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Null(Stores.Steps.Find($"{number}:report")!.NextSlipAt);
        Assert.Equal([$"{number}:review"], Stores.Steps.SlipsDue(Now).Where(id => id.StartsWith(number, StringComparison.Ordinal)));
        var review = Stores.Steps.Find($"{number}:review")!;
        (review.Open, review.OpenDueAt, review.DoneAt) = (false, null, Now);
        Stores.Steps.Save(review);
        Assert.Equal([$"{number}:resolve"], Stores.Steps.OpenForCase(number).Select(s => s.Id));
        Assert.DoesNotContain(Stores.Steps.SlipsDue(Now), id => id.StartsWith(number, StringComparison.Ordinal));
    }

    [Fact]
    public void Approval_requests_are_kept_closed_and_learn_their_cards_activity_id()
    {
        var number = $"case-{_run}";
        var request = new ApprovalRequest { CaseNumber = number, Stage = ApprovalStage.CaseReview, UnitId = "propaganda", ApproverKeys = ["l@x"], SentAt = Now };
        var other = new ApprovalRequest { CaseNumber = number, Stage = ApprovalStage.PrincipalReview, SentAt = Now };
        Stores.Approvals.Add(request);
        Stores.Approvals.Add(other);
        var sent = new OutboxMessage { CorrelationKey = ApprovalStore.CorrelationKey(request.Id) };

        ((IOutboxDeliveryListener)Stores.Approvals).Delivered(sent, "activity-1");
        Assert.Equal("activity-1", Stores.Approvals.Find(request.Id)!.ActivityId);
        Assert.Equal(request.Id, Stores.Approvals.FindSentBy(sent)!.Id);
        Assert.Null(Stores.Approvals.FindSentBy(new OutboxMessage { CorrelationKey = "something:else" }));
        Assert.Equal(2, Stores.Approvals.Open(number).Count);

        var closed = Stores.Approvals.Find(request.Id)!;
        closed.Closed = true;
        closed.Outcome = new ApprovalOutcome { Kind = CaseEventKind.Approved, ActorName = "Wang", At = Now };
        Stores.Approvals.Save(closed);
        Assert.Equal([other.Id], Stores.Approvals.Open(number).Select(r => r.Id));
        Assert.Equal(CaseEventKind.Approved, Stores.Approvals.Find(request.Id)!.Outcome!.Kind);
        Assert.Null(Stores.Approvals.Find(ObjectId.NewObjectId()));
    }

    [Fact]
    public void The_roster_saves_only_what_changed()
    {
        var unit = new Unit { Id = $"unit-{_run}", Name = "宣传部", Officers = ["a@x"] };
        Assert.True(Stores.Roster.Save(unit));
        Assert.False(Stores.Roster.Save(new Unit { Id = unit.Id, Name = "宣传部", Officers = ["a@x"] }));
        Assert.True(Stores.Roster.Save(new Unit { Id = unit.Id, Name = "宣传部", Officers = ["a@x", "b@x"] }));
        Assert.Equal(["a@x", "b@x"], Stores.Roster.FindUnit(unit.Id)!.Officers);
        Assert.Contains(Stores.Roster.AllUnits(), u => u.Id == unit.Id);

        Assert.True(Stores.Roster.Save(new RosterPerson { Key = $"p-{_run}@x", Name = "王强" }));
        Assert.False(Stores.Roster.Save(new RosterPerson { Key = $"p-{_run}@x", Name = "王强" }));
        Assert.True(Stores.Roster.Save(new RosterPerson { Key = $"p-{_run}@x", Name = "王 强" }));
        Assert.Equal("王 强", Stores.Roster.PersonName($"P-{_run}@X"));

        var roles = new OrganizationRoles { OfficeMembers = ["office@x"], Admins = ["admin@x"] };
        Stores.Roster.Save(roles);
        Assert.False(Stores.Roster.Save(new OrganizationRoles { OfficeMembers = ["office@x"], Admins = ["admin@x"] }));
        Assert.Equal(["office@x"], Stores.Roster.OrganizationRoles().OfficeMembers);
    }

    [Fact]
    public void People_and_conversations_are_found_by_their_keys()
    {
        var profile = new PersonProfile { TeamsUserId = $"29:{_run}", AadObjectId = $"aad-{_run}", Email = $"{_run}@x", Name = "陈静", UpdatedAt = Now };
        Stores.Profiles.Save(profile);
        Assert.Equal(profile.TeamsUserId, Stores.Profiles.FindByKey($"{_run}@x")!.TeamsUserId);
        Assert.Equal(profile.TeamsUserId, Stores.Profiles.FindByKey($"aad-{_run}")!.TeamsUserId);
        profile.UserPrincipalName = $"upn-{_run}@x";
        Stores.Profiles.Save(profile);
        Assert.Equal("陈静", Stores.Profiles.FindByKey($"upn-{_run}@x")!.Name);
        Assert.Null(Stores.Profiles.Find("29:nobody"));

        ConversationRecord Chat(string id, string type, DateTimeOffset seen) => new()
        {
            Id = id, BaseId = id.Split(';')[0], ConversationType = type, ServiceUrl = $"https://smba.example/{_run}/", UserId = $"29:{_run}",
            UserAadObjectId = $"aad-{_run}", FirstSeen = seen, LastSeen = seen,
        };
        Stores.Conversations.Save(Chat($"a:old-{_run}", "personal", Now));
        Stores.Conversations.Save(Chat($"a:new-{_run}", "personal", Now.AddHours(1)));
        Stores.Conversations.Save(Chat($"19:channel-{_run};messageid=1", "channel", Now));

        Assert.Equal($"a:new-{_run}", Stores.Conversations.FindPersonalChat($"29:{_run}", null)!.Id);
        Assert.Equal($"a:new-{_run}", Stores.Conversations.FindPersonalChat(null, $"aad-{_run}")!.Id);
        Assert.Null(Stores.Conversations.FindPersonalChat(null, null));
        Assert.Equal($"19:channel-{_run};messageid=1", Stores.Conversations.Find($"19:channel-{_run}")!.Id);
        Assert.Contains($"https://smba.example/{_run}/", Stores.Conversations.ServiceUrls());
    }

    [Fact]
    public void Evidence_keeps_the_bytes_once_per_case_with_a_timeline_entry()
    {
        var number = $"case-{_run}";
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();

        Assert.True(Stores.Evidence.Add(number, "截图.png", "image/png", bytes, Officer, Now));
        Assert.False(Stores.Evidence.Add(number, "again.png", "image/png", bytes, Officer, Now.AddMinutes(1)));
        Assert.True(Stores.Evidence.Add(number, "note.txt", "text/plain", [1, 2, 3], Officer, Now.AddMinutes(2)));

        Assert.Equal(2, Stores.Evidence.Count(number));
        var files = Stores.Evidence.ForCase(number);
        Assert.Equal(["截图.png", "note.txt"], files.Select(f => f.Name));
        Assert.Equal(bytes, Stores.Evidence.Read(files[0].Id));
        Assert.Equal(2, Stores.Cases.Timeline(number).Count(e => e.Kind == CaseEventKind.EvidenceAdded));
    }

    [Fact]
    public void A_zero_report_is_refused_after_a_case_and_recorded_once_and_missed_days_once()
    {
        var unit = $"unit-{_run}";
        var day = new DateOnly(2026, 11, 20);
        Assert.False(Stores.DailyReports.HasReported(unit, day));
        Assert.Equal(ZeroReportResult.Recorded, Stores.DailyReports.RecordZero(unit, day, Officer, Now).Result);
        Assert.Equal(ZeroReportResult.AlreadyRecorded, Stores.DailyReports.RecordZero(unit, day, Officer, Now).Result);
        Assert.True(Stores.DailyReports.HasReported(unit, day));

        var c = NewCase(2026, 9000 + Math.Abs(_run.GetHashCode() % 999), unit, reportedAt: new DateTimeOffset(2026, 11, 21, 2, 0, 0, TimeSpan.Zero));
        Stores.Transaction.Run(() => Stores.Cases.Insert(c));
        var refused = Stores.DailyReports.RecordZero(unit, day.AddDays(1), Officer, Now);
        Assert.Equal((ZeroReportResult.CaseAlreadyFiled, c.Number), (refused.Result, refused.CaseNumber));

        Assert.True(Stores.Transaction.Run(() => Stores.DailyReports.RecordMissed(unit, day.AddDays(2), Now)));
        Assert.False(Stores.Transaction.Run(() => Stores.DailyReports.RecordMissed(unit, day.AddDays(2), Now)));
        Assert.Equal([day.AddDays(2)], Stores.DailyReports.MissedBetween(day, day.AddDays(6)).Where(m => m.UnitId == unit).Select(m => m.Day));
    }

    [Fact]
    public void Briefing_subscriptions_runs_and_watches_are_kept_once()
    {
        var conversation = $"19:briefing-{_run}";
        Assert.True(Stores.Briefings.Subscribe(new BriefingSubscription { ConversationId = conversation, ByName = "陈静", Since = Now }));
        Assert.False(Stores.Briefings.Subscribe(new BriefingSubscription { ConversationId = conversation, Since = Now }));
        Assert.True(Stores.Briefings.IsSubscribed(conversation));
        Assert.Contains(Stores.Briefings.AllSubscriptions(), s => s.ConversationId == conversation && s.ByName == "陈静");
        Assert.True(Stores.Briefings.Unsubscribe(conversation));
        Assert.False(Stores.Briefings.Unsubscribe(conversation));

        var period = $"daily:{_run}";
        Assert.True(Stores.Briefings.TryRecordRun(new BriefingRun { Period = period, Kind = BriefingKind.Daily, SentAt = Now, Conversations = 2 }));
        Assert.False(Stores.Briefings.TryRecordRun(new BriefingRun { Period = period, Kind = BriefingKind.Daily, SentAt = Now.AddHours(1) }));
        Assert.True(Stores.Briefings.HasRun(period));
        Assert.Equal((Now, 2), (Stores.Briefings.FindRun(period)!.SentAt, Stores.Briefings.FindRun(period)!.Conversations));

        var since = Stores.Briefings.WatchedSince(BriefingKind.Weekly, Now);
        Assert.Equal(since, Stores.Briefings.WatchedSince(BriefingKind.Weekly, Now.AddDays(3)));
    }

    [Fact]
    public async Task A_mark_is_taken_once_even_by_many_at_the_same_time()
    {
        var key = $"slip:{_run}:1";
        var taken = new ConcurrentBag<bool>();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => taken.Add(Stores.Transaction.Run(() => Stores.Markers.TryMark(key, Now))))));

        Assert.Single(taken, true);
        Assert.True(Stores.Markers.IsMarked(key));
        Assert.False(Stores.Markers.IsMarked($"slip:{_run}:2"));
    }
}

public sealed class DocumentStoresOnLiteDb() : DocumentStoresContract(StoreSet.LiteDb());

[Collection(PostgresCollection.Name)]
public sealed class DocumentStoresOnPostgreSql(PostgresFixture postgres)
    : DocumentStoresContract(StoreSet.PostgreSql(postgres.DatabaseFor(typeof(DocumentStoresOnPostgreSql)).GetAwaiter().GetResult()));
