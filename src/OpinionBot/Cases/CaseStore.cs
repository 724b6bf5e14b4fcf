using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Cases;

/// <summary>Cases, their numbering counters and their append-only timelines.</summary>
public sealed class CaseStore(ILiteDatabase database, StoreTransaction transaction) : ICaseStore, ICollectionIndexes
{
    private static readonly PreparedExpression SubmissionEquals = new("$.SubmissionId = @0");
    private static readonly PreparedExpression IdBetween = new("$._id BETWEEN @0 AND @1");

    public const string Collection = "cases";

    private ILiteCollection<Case> Cases => database.GetCollection<Case>(Collection);

    /// <summary>The same collection written as documents (<see cref="CaseDocument"/>).</summary>
    private ILiteCollection<BsonDocument> CaseDocuments => database.GetCollection(Collection);

    private ILiteCollection<BsonDocument> Events => database.GetCollection(TimelineLayout.Collection);
    private ILiteCollection<BsonDocument> Counters => database.GetCollection("counters");

    /// <summary>The case the last work created and the events written for it since (only the single writer touches this).</summary>
    private NewCase? _newCase;

    /// <summary>
    /// The last number the writer's work wrote per year, forgotten when a transaction rolls back. Should anything else
    /// have moved a counter on, the case's number is taken already: its unique id refuses the case, the work is rolled
    /// back (and this forgotten) and runs again (<see cref="StoreTransaction.IsConflict"/>).
    /// </summary>
    private readonly Dictionary<int, int> _lastSequence = [];
    private Action? _forgetSequences;

    public void EnsureIndexes()
    {
        IndexedCaseFields.WriteIntoFormerCases(database, Cases);
        Cases.EnsureIndex(c => c.SubmissionId, unique: true);
        Cases.EnsureIndex(c => c.ReportedOn);
        Cases.EnsureIndex(c => c.ReportedAt);
        Cases.EnsureIndex(c => c.WaitingSince);
        Cases.EnsureIndex(c => c.OpenUnitId);
        FormerTimelines.MoveInto(database);
    }

    /// <summary>
    /// The next number of <paramref name="year"/>, counted without gaps; call inside the transaction that stores the case.
    /// The writer's work remembers the last number it wrote (<see cref="_lastSequence"/>), so the counter is written, not
    /// read, per report.
    /// </summary>
    public int NextSequence(int year)
    {
        var counterId = $"case-{year}";
        var last = StoreTransaction.InWork && _lastSequence.TryGetValue(year, out var known) ? known : Counters.Get(counterId)?["value"].AsInt32 ?? 0;
        var sequence = last + 1;
        Counters.Upsert(new BsonDocument { ["_id"] = counterId, ["value"] = sequence });
        if (StoreTransaction.InWork)
        {
            _lastSequence[year] = sequence;
            StoreTransaction.AfterRollbackOfCurrentWork(_forgetSequences ??= _lastSequence.Clear);
        }

        return sequence;
    }

    public void Insert(Case c)
    {
        CaseDocuments.Insert(CaseDocument.Of(c));
        _newCase = StoreTransaction.CurrentWork is { } work ? new NewCase(work, c.Number) : null;
    }

    public void Save(Case c) => CaseDocuments.Update(CaseDocument.Of(c));

    public Case? Find(string number) => Cases.Get(number);

    /// <summary>LiteDB writes one transaction at a time, so a plain read already excludes other writers.</summary>
    public Case? FindForUpdate(string number) => Find(number);

    public Case? FindBySubmission(string submissionId) => Cases.Find(SubmissionEquals.With(submissionId)).FirstOrDefault();

    /// <summary>Open cases of the given units, newest first.</summary>
    public IReadOnlyList<Case> OpenCases(IReadOnlyCollection<string> unitIds, int limit) =>
        Cases.Query()
            .Where(OpenIn(unitIds))
            .OrderByDescending(c => c.ReportedAt)
            .Limit(limit)
            .ToList();

    public int CountOpenCases(IReadOnlyCollection<string> unitIds) => Cases.Count(OpenIn(unitIds), IndexedCaseFields.OpenUnitKey);

    private static BsonExpression OpenIn(IReadOnlyCollection<string> unitIds) =>
        BsonExpression.Create($"$.{IndexedCaseFields.OpenUnitIndex} IN @0", new BsonArray(unitIds.Select(u => new BsonValue(u))));

    public Case? FirstCaseOn(string unitId, DateOnly day) =>
        Cases.Find(c => c.ReportedOn == day && c.UnitId == unitId).OrderBy(c => c.ReportedAt).FirstOrDefault();

    /// <summary>
    /// Appends an event; an event whose <see cref="CaseEvent.DedupKey"/> is already there is not added again. For a case
    /// this work created, every event it has is in <see cref="_newCase"/>, so no index is looked up (a dedup key names a
    /// cause within its case, <see cref="TimelineLayout"/>).
    /// </summary>
    public bool Append(CaseEvent caseEvent) => transaction.Run(() =>
    {
        var known = CreatedByThisWork(caseEvent.CaseNumber) is { } created
            ? created.Events.Exists(e => e.DedupKey == caseEvent.DedupKey)
            : HasEvent(caseEvent.CaseNumber, caseEvent.DedupKey);
        if (known) return false;
        Insert(caseEvent);
        return true;
    });

    public void AppendToNewCase(CaseEvent caseEvent) => transaction.Run(() => Insert(caseEvent));

    private void Insert(CaseEvent caseEvent)
    {
        Events.Insert(TimelineLayout.ToDocument(database.Mapper, caseEvent));
        CreatedByThisWork(caseEvent.CaseNumber)?.Events.Add(caseEvent);
    }

    /// <summary>A copy, taken inside the work: later work of the same batch may add to the case.</summary>
    public IReadOnlyList<CaseEvent>? TimelineOfNewCase(string number) =>
        CreatedByThisWork(number) is { } created ? CaseEvent.InTimelineOrder(created.Events) : null;

    private NewCase? CreatedByThisWork(string number) =>
        _newCase is { } created && created.Number == number && ReferenceEquals(created.Work, StoreTransaction.CurrentWork) ? created : null;

    private sealed record NewCase(object Work, string Number)
    {
        public List<CaseEvent> Events { get; } = [];
    }

    public bool HasEvent(string caseNumber, string dedupKey) => Events.Has(TimelineLayout.Key(caseNumber, dedupKey));

    /// <summary>Many cases' events at once (benchmarks and tests that fill a file), in the timeline layout.</summary>
    public void InsertEvents(IEnumerable<CaseEvent> events) => Events.InsertBulk(events.Select(e => TimelineLayout.ToDocument(database.Mapper, e)));

    /// <summary>Flags a case escalated (three slips unanswered); for a caller inside a <see cref="StoreTransaction"/>.</summary>
    public void MarkEscalatedInTransaction(string number)
    {
        if (Cases.Get(number) is not { Escalated: false } c) return;
        c.Escalated = true;
        Save(c);
    }

    /// <summary>The most recent case <paramref name="reporterKey"/> reported at or after <paramref name="since"/>.</summary>
    public Case? LatestReportedBy(string reporterKey, DateTimeOffset since) =>
        Cases.Find(c => c.ReporterKey == reporterKey && c.ReportedAt >= since).OrderByDescending(c => c.ReportedAt).FirstOrDefault();

    public IReadOnlyList<CaseEvent> Timeline(string number)
    {
        var (from, to) = TimelineLayout.RangeOf(number);
        return CaseEvent.InTimelineOrder(Events.Find(IdBetween.With(from, to))
            .Where(d => d["CaseNumber"].AsString == number)
            .Select(d => TimelineLayout.ToEvent(database.Mapper, d)));
    }
}
