using System.Collections.Concurrent;
using System.Text.Json;
using OpinionBot.Cases;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Storage.Contracts;

/// <summary>Cases, numbering, timelines and transactions, the same on both stores.</summary>
public abstract class CaseStoreContract(StoreSet stores) : StoreContract(stores)
{
    private static int s_year = 3000;

    /// <summary>A year no other test of the class uses (the PostgreSQL database is shared by the class's tests).</summary>
    private static int FreshYear() => Interlocked.Increment(ref s_year);

    /// <summary>What <c>CaseProcedure.Report</c> does with the store: the same submission makes one case; a new one is numbered and stored.</summary>
    private Case Report(Case submitted) => Stores.Transaction.Run(() =>
    {
        if (Stores.Cases.FindBySubmission(submitted.SubmissionId) is { } existing)
            return existing;
        var c = JsonSerializer.Deserialize<Case>(JsonSerializer.Serialize(submitted))!;
        c.Sequence = Stores.Cases.NextSequence(c.Year);
        c.Number = CaseNumber.Format(c.Year, c.Sequence);
        Stores.Cases.Insert(c);
        return c;
    });

    [Fact]
    public void Numbers_count_up_without_gaps_and_a_rolled_back_number_is_given_again()
    {
        var year = FreshYear();
        Assert.Equal(1, Report(NewCase(year, 0)).Sequence);

        Assert.Throws<InvalidOperationException>(() => Stores.Transaction.Run(() =>
        {
            Stores.Cases.NextSequence(year);
            throw new InvalidOperationException("the case could not be stored");
        }));

        Assert.Equal(2, Report(NewCase(year, 0)).Sequence);
        Assert.Equal(1, Stores.Cases.NextSequence(year + 1000));
    }

    [Fact]
    public async Task Reports_made_at_the_same_time_get_distinct_numbers_without_gaps()
    {
        var year = FreshYear();
        var numbers = new ConcurrentBag<int>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 25; i++)
                numbers.Add(Report(NewCase(year, 0)).Sequence);
        })));

        Assert.Equal(Enumerable.Range(1, 200), numbers.Order());
    }

    [Fact]
    public async Task The_same_submission_sent_many_times_at_once_makes_one_case_and_uses_one_number()
    {
        var year = FreshYear();
        var submission = NewCase(year, 0);
        var cases = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Report(submission))));

        Assert.Single(cases.Select(c => c.Number).Distinct());
        Assert.Equal(1, cases[0].Sequence);
        Assert.Equal(2, Report(NewCase(year, 0)).Sequence);
    }

    [Fact]
    public void A_case_is_stored_and_read_back_whole()
    {
        var c = NewCase(FreshYear(), 1);
        c.PublishedAt = c.DiscoveredAt.AddMinutes(-30);
        c.Reach = new Reach { Reposts = 120, Views = 10_000 };
        c.CommentTendency = CommentTendency.Negative;
        c.Statements = [new Statement { Id = 1, Kind = StatementKind.FirstResponse, Text = "正在核实", Stage = StatementStage.Published, PromisedDate = new DateOnly(2026, 12, 1), DraftedAt = c.ReportedAt }];
        c.Dispatches = [new Dispatch { UnitId = "education", Role = DispatchRole.Cooperating, DispatchedAt = c.ReportedAt }];
        c.RelatedCases = ["2026-0001"];
        c.NextDeadline = c.ReportedAt.AddHours(2);
        Stores.Transaction.Run(() => Stores.Cases.Insert(c));

        var read = Stores.Cases.Find(c.Number)!;
        Assert.Equal(Json(c), Json(read));
        Assert.Equal(c.Number, Stores.Cases.FindBySubmission(c.SubmissionId)!.Number);
        Assert.Null(Stores.Cases.Find("1999-0001"));

        read.State = CaseState.InProgress;
        read.Version++;
        Stores.Cases.Save(read);
        Assert.Equal((CaseState.InProgress, 1), (Stores.Cases.Find(c.Number)!.State, Stores.Cases.Find(c.Number)!.Version));
    }

    [Fact]
    public void Open_cases_the_first_case_of_a_day_and_a_reporters_latest_are_found()
    {
        var year = FreshYear();
        var day = new DateTimeOffset(year, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var unit = $"unit-{year}";
        var first = NewCase(year, 1, unit, reportedAt: day);
        var second = NewCase(year, 2, unit, reportedAt: day.AddHours(1));
        var archived = NewCase(year, 3, unit, CaseState.Archived, day.AddHours(2));
        var elsewhere = NewCase(year, 4, $"other-{year}", reportedAt: day.AddHours(3));
        second.ReporterKey = archived.ReporterKey = $"reporter-{year}";
        Stores.Transaction.Run(() => { foreach (var c in new[] { first, second, archived, elsewhere }) Stores.Cases.Insert(c); });

        Assert.Equal([second.Number, first.Number], Stores.Cases.OpenCases([unit], 10).Select(c => c.Number));
        Assert.Equal([elsewhere.Number, second.Number], Stores.Cases.OpenCases([unit, $"other-{year}"], 2).Select(c => c.Number));
        Assert.Equal(2, Stores.Cases.CountOpenCases([unit]));
        Assert.Equal(first.Number, Stores.Cases.FirstCaseOn(unit, first.ReportedOn)!.Number);
        Assert.Null(Stores.Cases.FirstCaseOn(unit, first.ReportedOn.AddDays(1)));
        Assert.Equal(archived.Number, Stores.Cases.LatestReportedBy($"reporter-{year}", day)!.Number);
        Assert.Null(Stores.Cases.LatestReportedBy($"reporter-{year}", day.AddHours(3)));
    }

    [Fact]
    public void Events_are_added_once_per_dedup_key_and_read_in_time_order()
    {
        var number = CaseNumber.Format(FreshYear(), 1);
        var at = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        CaseEvent Event(string key, int minutes) => new() { CaseNumber = number, At = at.AddMinutes(minutes), Kind = CaseEventKind.ProgressNote, Comment = key, DedupKey = $"{number}:{key}" };

        var later = Event("later", 5);
        Assert.True(Stores.Cases.Append(later));
        Assert.True(Stores.Cases.Append(Event("first", 0)));
        Assert.False(Stores.Cases.Append(Event("later", 9)));

        var timeline = Stores.Cases.Timeline(number);
        Assert.Equal(["first", "later"], timeline.Select(e => e.Comment));
        Assert.Equal(Json(later), Json(timeline[1]));
        Assert.True(Stores.Cases.HasEvent(number, $"{number}:first"));
        Assert.False(Stores.Cases.HasEvent(number, $"{number}:never"));
    }

    [Fact]
    public void Failed_work_leaves_nothing_behind_and_its_after_commit_actions_never_run()
    {
        var c = NewCase(FreshYear(), 1);
        var ran = 0;

        Assert.Throws<InvalidOperationException>(() => Stores.Transaction.Run(() =>
        {
            Stores.Cases.Insert(c);
            Stores.Cases.Append(new CaseEvent { CaseNumber = c.Number, DedupKey = $"{c.Number}:reported" });
            Stores.Transaction.AfterCommit(() => ran++);
            throw new InvalidOperationException("rolled back");
        }));
        Assert.Null(Stores.Cases.Find(c.Number));
        Assert.False(Stores.Cases.HasEvent(c.Number, $"{c.Number}:reported"));
        Assert.Equal(0, ran);

        Stores.Transaction.Run(() =>
        {
            Stores.Cases.Insert(c);
            Stores.Transaction.AfterCommit(() => ran++);
        });
        Assert.NotNull(Stores.Cases.Find(c.Number));
        Assert.Equal(1, ran);
    }

    [Fact]
    public async Task Changes_to_one_case_made_at_the_same_time_under_FindForUpdate_are_all_kept()
    {
        var c = NewCase(FreshYear(), 1);
        Stores.Transaction.Run(() => Stores.Cases.Insert(c));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => Stores.Transaction.Run(() =>
        {
            var locked = Stores.Cases.FindForUpdate(c.Number)!;
            locked.Version++;
            locked.RelatedCases.Add($"r{i}");
            Stores.Cases.Save(locked);
        }))));

        var final = Stores.Cases.Find(c.Number)!;
        Assert.Equal(20, final.Version);
        Assert.Equal(20, final.RelatedCases.Distinct().Count());
    }

    [Fact]
    public void A_case_is_flagged_escalated_once()
    {
        var c = NewCase(FreshYear(), 1);
        Stores.Transaction.Run(() => Stores.Cases.Insert(c));

        Stores.Transaction.Run(() => Stores.Cases.MarkEscalatedInTransaction(c.Number));
        Stores.Transaction.Run(() => Stores.Cases.MarkEscalatedInTransaction(c.Number));
        Stores.Transaction.Run(() => Stores.Cases.MarkEscalatedInTransaction("1999-0001"));

        Assert.True(Stores.Cases.Find(c.Number)!.Escalated);
    }

    /// <summary>Whether the store hands back a new case's timeline as its work wrote it (the intake card then reads nothing).</summary>
    protected abstract bool KeepsNewCaseTimelines { get; }

    [Fact]
    public void A_new_cases_timeline_kept_as_written_is_the_timeline_read_after_the_commit()
    {
        var c = NewCase(FreshYear(), 1);
        var other = CaseNumber.Format(FreshYear(), 1);
        var at = new DateTimeOffset(2026, 11, 20, 2, 0, 0, TimeSpan.Zero);
        CaseEvent Event(string number, string key, int minutes) =>
            new() { CaseNumber = number, At = at.AddMinutes(minutes), Kind = CaseEventKind.ProgressNote, Comment = key, DedupKey = $"{number}:{key}" };

        var (kept, keptOfOther) = Stores.Transaction.Run(() =>
        {
            Stores.Cases.Insert(c);
            Stores.Cases.AppendToNewCase(Event(c.Number, "second", 5));
            Stores.Cases.AppendToNewCase(Event(c.Number, "first", 0));
            Assert.False(Stores.Cases.Append(Event(c.Number, "first", 9)));
            Stores.Cases.Append(Event(other, "elsewhere", 1));
            return (Stores.Cases.TimelineOfNewCase(c.Number), Stores.Cases.TimelineOfNewCase(other));
        });

        var read = Stores.Cases.Timeline(c.Number);
        Assert.Equal(["first", "second"], read.Select(e => e.Comment));
        Assert.Null(keptOfOther);
        if (KeepsNewCaseTimelines)
            Assert.Equal(Json(read), Json(kept));
        else
            Assert.Null(kept);
        // Later work did not create the case: its timeline is read from the store.
        Stores.Transaction.Run(() => Stores.Cases.Append(Event(c.Number, "third", 10)));
        Assert.Null(Stores.Transaction.Run(() => Stores.Cases.TimelineOfNewCase(c.Number)));
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

public sealed class CaseStoreOnLiteDb() : CaseStoreContract(StoreSet.LiteDb())
{
    protected override bool KeepsNewCaseTimelines => true;
}

[Collection(PostgresCollection.Name)]
public sealed class CaseStoreOnPostgreSql(PostgresFixture postgres)
    : CaseStoreContract(StoreSet.PostgreSql(postgres.DatabaseFor(typeof(CaseStoreOnPostgreSql)).GetAwaiter().GetResult()))
{
    protected override bool KeepsNewCaseTimelines => false;
}
