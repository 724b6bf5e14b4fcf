using LiteDB;
using OpinionBot.Cases.Lifecycle;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Storage;

namespace OpinionBot.Cases;

/// <summary>Cases, their numbering counters and their append-only timelines.</summary>
public sealed class CaseStore(ILiteDatabase database, StoreTransaction transaction, IEnumerable<ICaseChangeObserver> observers) : ICollectionIndexes
{
    private ILiteCollection<Case> Cases => database.GetCollection<Case>("cases");
    private ILiteCollection<CaseEvent> Events => database.GetCollection<CaseEvent>("case_events");
    private ILiteCollection<BsonDocument> Counters => database.GetCollection("counters");

    public void EnsureIndexes()
    {
        Cases.EnsureIndex(c => c.SubmissionId, unique: true);
        Cases.EnsureIndex(c => c.UnitId);
        Cases.EnsureIndex(c => c.State);
        Cases.EnsureIndex(c => c.ReportedOn);
        Cases.EnsureIndex(c => c.ReportedAt);
        Cases.EnsureIndex(c => c.NextDeadline);
        Events.EnsureIndex(e => e.CaseNumber);
        Events.EnsureIndex(e => e.DedupKey, unique: true);
    }

    /// <summary>
    /// Numbers and stores a new case with its first timeline event, in one transaction. The same submission twice
    /// returns the case the first one made.
    /// </summary>
    public (Case Case, bool Created) Create(Case draft, CaseEvent reported)
    {
        return transaction.Run(() =>
        {
            if (Cases.FindOne(c => c.SubmissionId == draft.SubmissionId) is { } existing)
                return (existing, false);

            var counterId = $"case-{draft.Year}";
            var counter = Counters.FindById(counterId) ?? new BsonDocument { ["_id"] = counterId, ["value"] = 0 };
            var sequence = counter["value"].AsInt32 + 1;
            counter["value"] = sequence;
            Counters.Upsert(counter);

            draft.Sequence = sequence;
            draft.Number = CaseNumber.Format(draft.Year, sequence);
            Observe(draft, [CaseEventKind.Reported], draft.ReportedAt);
            Cases.Insert(draft);
            reported.CaseNumber = draft.Number;
            reported.DedupKey = $"reported:{draft.Number}";
            Events.Insert(reported);
            return (draft, true);
        });
    }

    public Case? Find(string number) => Cases.FindById(number);

    /// <summary>
    /// Applies a command as one step: the case is read, checked by the lifecycle, and — when allowed — saved with its
    /// events. A card that showed an older <paramref name="expectedVersion"/> changes nothing (it is stale).
    /// </summary>
    public CaseChange Apply(string number, Actor actor, CaseCommand command, int? expectedVersion, DateTimeOffset now, string dedupKey, IReadOnlyCollection<string> unitIds) =>
        transaction.Run(() =>
        {
            if (Cases.FindById(number) is not { } current)
                return new CaseChange(null, Decision.Refuse("case.notFound", number), Stale: false);
            if (expectedVersion is { } version && version != current.Version)
                return new CaseChange(current, Decision.Refuse("lifecycle.stale"), Stale: true);

            var before = current.State;
            var decision = CaseLifecycle.Apply(current, actor, command, unitIds);
            if (!decision.Allowed)
                return new CaseChange(Cases.FindById(number), decision, Stale: false);

            Observe(current, decision.Events, now);
            Cases.Update(current);
            for (var i = 0; i < decision.Events.Count; i++)
            {
                AppendInTransaction(new CaseEvent
                {
                    CaseNumber = number, At = now, Kind = decision.Events[i], ActorKey = actor.Key, ActorName = actor.Name,
                    Comment = i == 0 ? command.Text.Trim() : "", DedupKey = $"{dedupKey}:{i}",
                });
            }

            return new CaseChange(current, decision, Stale: false, PreviousState: before);
        });

    public Case? FindBySubmission(string submissionId) => Cases.FindOne(c => c.SubmissionId == submissionId);

    /// <summary>Open cases of the given units, newest first.</summary>
    public IReadOnlyList<Case> OpenCases(IReadOnlyCollection<string> unitIds, int limit) =>
        Cases.Query()
            .Where(c => c.State != CaseState.Archived && c.State != CaseState.Dismissed)
            .Where(BsonExpression.Create("$.UnitId IN @0", new BsonArray(unitIds.Select(u => new BsonValue(u)))))
            .OrderByDescending(c => c.ReportedAt)
            .Limit(limit)
            .ToList();

    public int CountOpenCases(IReadOnlyCollection<string> unitIds) =>
        Cases.Query()
            .Where(c => c.State != CaseState.Archived && c.State != CaseState.Dismissed)
            .Where(BsonExpression.Create("$.UnitId IN @0", new BsonArray(unitIds.Select(u => new BsonValue(u)))))
            .Count();

    public Case? FirstCaseOn(string unitId, DateOnly day) =>
        Cases.Find(c => c.ReportedOn == day && c.UnitId == unitId).OrderBy(c => c.ReportedAt).FirstOrDefault();

    /// <summary>Appends an event; an event whose <see cref="CaseEvent.DedupKey"/> is already there is not added again.</summary>
    public bool Append(CaseEvent caseEvent) => transaction.Run(() => AppendInTransaction(caseEvent));

    /// <summary>The same, for a caller already inside a <see cref="StoreTransaction"/>.</summary>
    public bool AppendInTransaction(CaseEvent caseEvent)
    {
        if (Events.Exists(e => e.DedupKey == caseEvent.DedupKey)) return false;
        Events.Insert(caseEvent);
        if (caseEvent.Kind == CaseEventKind.ProgressNote && Cases.FindById(caseEvent.CaseNumber) is { } c)
        {
            Observe(c, [caseEvent.Kind], caseEvent.At);
            Cases.Update(c);
        }

        return true;
    }

    /// <summary>Flags a case escalated (three slips unanswered); for a caller inside a <see cref="StoreTransaction"/>.</summary>
    public void MarkEscalatedInTransaction(string number)
    {
        if (Cases.FindById(number) is not { Escalated: false } c) return;
        c.Escalated = true;
        Cases.Update(c);
    }

    private void Observe(Case c, IReadOnlyList<CaseEventKind> events, DateTimeOffset now)
    {
        foreach (var observer in observers)
            observer.Observe(c, events, now);
    }

    /// <summary>The most recent case <paramref name="reporterKey"/> reported at or after <paramref name="since"/>.</summary>
    public Case? LatestReportedBy(string reporterKey, DateTimeOffset since) =>
        Cases.Find(c => c.ReporterKey == reporterKey && c.ReportedAt >= since).OrderByDescending(c => c.ReportedAt).FirstOrDefault();

    public IReadOnlyList<CaseEvent> Timeline(string number) =>
        Events.Find(e => e.CaseNumber == number).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
}

public sealed record CaseChange(Case? Case, Decision Decision, bool Stale, CaseState? PreviousState = null);
