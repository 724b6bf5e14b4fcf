using LiteDB;
using OpinionBot.Approvals;
using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Roster;
using OpinionBot.Storage;

namespace OpinionBot.Procedure;

/// <summary>
/// Runs the procedure: each command is decided, the case and its timeline written, its clocks kept, and every reaction
/// (cards, notices, slips) queued — all in one store transaction. Nothing is queued after the commit, so a failure
/// anywhere leaves neither the change nor any of its messages.
/// </summary>
public sealed class CaseProcedure(
    IStoreTransaction transaction,
    ICaseStore cases,
    IApprovalStore requests,
    IRosterStore roster,
    ProcedureEngine engine,
    StepTracker clocks,
    IEnumerable<ICaseReaction> reactions,
    TimeProvider time)
{
    private readonly IReadOnlyList<ICaseReaction> _reactions = reactions.OrderBy(r => r.Order).ToList();

    /// <summary>Numbers and stores a new case; the same submission twice returns the case the first one made.</summary>
    public ProcedureResult Report(Case submitted, Actor actor)
    {
        var drafts = new Drafts(submitted);
        return transaction.Run(() => Reported(drafts, actor));
    }

    /// <summary>The same without blocking the calling thread while the store's writer runs it (the request path).</summary>
    public Task<ProcedureResult> ReportAsync(Case submitted, Actor actor)
    {
        var drafts = new Drafts(submitted);
        return transaction.RunAsync(() => Reported(drafts, actor));
    }

    /// <summary>
    /// A submission made a case already only if its first run failed: the case's unique submission key refuses a second
    /// case, and both stores run work again after such a conflict. So the look-up is made on a run after the first only.
    /// </summary>
    private ProcedureResult Reported(Drafts drafts, Actor actor)
    {
        var draft = drafts.Take(out var again);
        if (again && cases.FindBySubmission(draft.SubmissionId) is { } existing)
            return new ProcedureResult(existing, Decision.Allow(ProcedureTable.RowsFor(CaseAction.Report).Single())) { Repeated = true };

        var now = time.GetUtcNow();
        var decision = engine.Report(draft, actor, now);
        if (!decision.Allowed)
            return new ProcedureResult(null, decision);

        draft.Sequence = cases.NextSequence(draft.Year);
        draft.Number = CaseNumber.Format(draft.Year, draft.Sequence);
        var outcome = Record(draft, decision, actor, draft.ReportedAt, "", $"reported:{draft.Number}");
        var change = new CaseChange(draft, decision, outcome[0], actor, now, draft.State, draft.UnitId);
        clocks.Apply(change);
        cases.Insert(draft);
        Finish(change, outcome, newCase: true);
        return new ProcedureResult(draft, decision, outcome[0]) { Timeline = cases.TimelineOfNewCase(draft.Number) };
    }

    /// <summary>
    /// Applies a command to case <paramref name="number"/>. A press on a card whose request is no longer open is stale
    /// and changes nothing; a command whose <paramref name="dedupKey"/> was applied before is not applied again.
    /// </summary>
    public ProcedureResult Apply(string number, Actor actor, CaseCommand command, string dedupKey, ObjectId? cardRequest = null) => transaction.Run(() =>
    {
        // Locked until the commit (PostgreSQL): a second press at the same moment, on any instance, waits and then sees this one's outcome.
        if (cases.FindForUpdate(number) is not { } current)
            return new ProcedureResult(null, Decision.Refuse("case.notFound", number));
        if (cases.HasEvent(number, $"{dedupKey}:0"))
            return new ProcedureResult(current, Decision.Refuse("lifecycle.repeated")) { Repeated = true };
        if (cardRequest is { } requestId && requests.Find(requestId) is not { Closed: false })
            return new ProcedureResult(current, Decision.Refuse("lifecycle.stale")) { Stale = true };

        var (previousState, previousUnit) = (current.State, current.UnitId);
        var now = time.GetUtcNow();
        var decision = engine.Decide(current, actor, command, roster.AllUnits().Select(u => u.Id).ToList(), now);
        if (!decision.Allowed)
            return new ProcedureResult(cases.Find(number), decision);

        var events = Record(current, decision, actor, now, command.Text.Trim(), dedupKey);
        var change = new CaseChange(current, decision, events[0], actor, now, previousState, previousUnit);
        clocks.Apply(change);
        cases.Save(current);
        Finish(change, events);
        return new ProcedureResult(current, decision, events[0]);
    });

    /// <summary>
    /// Copies of a submission for the work to change: the work may run again (a store retries a batch), and each run
    /// must start from the submission as it came. The first copy is made before the work is queued, so that the store's
    /// single writer does not spend its time on it.
    /// </summary>
    private sealed class Drafts(Case submitted)
    {
        private Case? _first = submitted.Copy();

        /// <param name="again">The work has run before (and failed: a store runs work again only then).</param>
        public Case Take(out bool again)
        {
            var first = Interlocked.Exchange(ref _first, null);
            again = first is null;
            return first ?? submitted.Copy();
        }
    }

    private static List<CaseEvent> Record(Case c, Decision decision, Actor actor, DateTimeOffset at, string comment, string dedupKey) =>
        decision.Events.Select((kind, i) => new CaseEvent
        {
            CaseNumber = c.Number, At = at, Kind = kind, ActorKey = actor.Key, ActorName = actor.Name,
            Comment = i == 0 ? comment : "", DedupKey = $"{dedupKey}:{i}",
        }).ToList();

    private void Finish(CaseChange change, IReadOnlyList<CaseEvent> events, bool newCase = false)
    {
        foreach (var caseEvent in events)
        {
            if (newCase)
                cases.AppendToNewCase(caseEvent);
            else
                cases.Append(caseEvent);
        }

        foreach (var reaction in _reactions)
            reaction.React(change);
    }
}
