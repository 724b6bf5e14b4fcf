using LiteDB;
using OpinionBot.Deadlines;
using OpinionBot.Records.Register;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Deadlines;

/// <summary>A data file from before <see cref="CaseClocks"/>: its step documents are gathered by case when the store starts.</summary>
public sealed class CaseClocksMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Due = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _db = new();

    public void Dispose() => _db.Dispose();

    private static OwedStep Step(string number, StepClock clock, bool open, int hours) => new()
    {
        Id = $"{number}:{clock}", CaseNumber = number, UnitId = "u1", Clock = clock, DueAt = Due.AddHours(hours),
        Open = open, OpenDueAt = open ? Due.AddHours(hours) : null, NextSlipAt = open ? Due.AddHours(hours) : null,
        DoneAt = open ? null : Due.AddHours(hours - 1), Lateness = open ? null : TimeSpan.FromHours(-1), SlipsSent = hours,
    };

    [Fact]
    public void The_former_step_documents_become_one_document_per_case_and_the_old_collection_goes()
    {
        var former = _db.Database.GetCollection<OwedStep>("owed_steps");
        former.EnsureIndex(s => s.DueAt);
        // About 7,700 step documents, every fifth case with three: more than one chunk of the move, a case split at a
        // chunk's end and read again whole with the next.
        var numbers = Enumerable.Range(1, 3_500).Select(n => $"2026-{n:D4}").ToList();
        int StepsOf(string number) => int.Parse(number[5..]) % 5 == 0 ? 3 : 2;
        former.InsertBulk(numbers.SelectMany(n => new[] { Step(n, StepClock.Review, open: true, 5), Step(n, StepClock.Report, open: false, 1), Step(n, StepClock.Resolve, open: true, 9) }
            .Take(StepsOf(n))).Reverse());
        var store = new OwedStepStore(_db.Database);

        store.EnsureIndexes();

        Assert.False(_db.Database.CollectionExists("owed_steps"));
        Assert.Equal(numbers.Count, store.Clocks.Count());
        Assert.All(store.Clocks.FindAll(), c => Assert.Equal(StepsOf(c.CaseNumber), c.Steps.Count));
        var steps = store.ForCase("2026-1234");
        Assert.Equal(["2026-1234:Report", "2026-1234:Review"], steps.Select(s => s.Id));
        Assert.Equal((false, TimeSpan.FromHours(-1), 1), (steps[0].Open, steps[0].Lateness, steps[0].SlipsSent));
        Assert.Equal(Due.AddHours(5), store.Clocks.FindById("2026-1234").NextSlipAt);
        Assert.Equal(numbers.Count, store.SlipsDue(Due.AddHours(5)).Count);
        Assert.Empty(store.SlipsDue(Due.AddHours(4)));
    }

    [Fact]
    public void An_open_step_from_before_next_slip_times_is_due_a_look_at_once_and_a_closed_one_never()
    {
        var open = Step("2026-0001", StepClock.Review, open: true, 5);
        open.NextSlipAt = null;
        var closed = Step("2026-0001", StepClock.Report, open: false, 1);
        _db.Database.GetCollection<OwedStep>("owed_steps").InsertBulk([open, closed]);
        var store = new OwedStepStore(_db.Database);

        store.EnsureIndexes();

        Assert.Equal(Due.AddHours(5), store.Find("2026-0001:Review")!.NextSlipAt);
        Assert.Null(store.Find("2026-0001:Report")!.NextSlipAt);
        Assert.Equal(["2026-0001:Review"], store.SlipsDue(Due.AddHours(5)));
    }

    [Fact]
    public void A_migration_a_crash_interrupted_runs_again_from_the_start_and_loses_nothing()
    {
        var former = _db.Database.GetCollection<OwedStep>("owed_steps");
        former.InsertBulk([Step("2026-0001", StepClock.Review, open: true, 5), Step("2026-0002", StepClock.Review, open: true, 6)]);
        var store = new OwedStepStore(_db.Database);
        store.Clocks.Insert(CaseClocks.Of("2026-0001", [Step("2026-0001", StepClock.Review, open: true, 5)]));

        store.EnsureIndexes();
        store.EnsureIndexes();

        Assert.Equal(["2026-0001", "2026-0002"], store.Clocks.FindAll().Select(c => c.CaseNumber).Order());
        Assert.Single(store.ForCase("2026-0001"));
    }

    [Fact]
    public void The_former_case_order_index_goes_and_the_register_reads_a_chunks_clocks_by_id()
    {
        var clocks = _db.Database.GetCollection<CaseClocks>(OwedStepStore.Collection);
        clocks.EnsureIndex("CaseOrder", "LPAD($._id, 16, '0')");
        var store = new OwedStepStore(_db.Database);
        store.InsertNew(new[] { "2026-0999", "2026-1000", "2026-10000" }.Select(n => Step(n, StepClock.Review, open: true, 5)));

        store.EnsureIndexes();

        var indexes = _db.Database.GetCollection("$indexes").Find(BsonExpression.Create("$.collection = @0", OwedStepStore.Collection)).Select(i => i["name"].AsString);
        Assert.DoesNotContain("CaseOrder", indexes);
        var wanted = new BsonArray(new BsonValue("2026-1000"), new BsonValue("2026-10000"));
        var plan = clocks.Query().Where(RegisterSource.StepsOfCases.With(wanted)).GetPlan();
        Assert.Equal(("_id", "IN"), (plan["index"]["name"].AsString, plan["index"]["mode"].AsString[..2]));
        Assert.Equal(["2026-1000", "2026-10000"], clocks.Find(RegisterSource.StepsOfCases.With(wanted)).Select(c => c.CaseNumber).Order());
    }
}
