using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Deadlines;

/// <summary>
/// Owed steps on LiteDB, kept as one <see cref="CaseClocks"/> document per case (collection <c>case_clocks</c>). A step's
/// id begins with its case number (<c>{case}:{clock}</c>), so a step is found through its case's document.
/// </summary>
public sealed class OwedStepStore(ILiteDatabase database) : IOwedStepStore, ICollectionIndexes
{
    public const string Collection = "case_clocks";

    /// <summary>The collection steps were kept in, one document per step, before <see cref="CaseClocks"/>.</summary>
    private const string FormerCollection = "owed_steps";

    /// <summary>
    /// An index earlier builds kept on the zero-padded case number for the register, which now reads its cases' clocks by
    /// id: one index key fewer for every case written. It is dropped at start.
    /// </summary>
    private const string FormerCaseOrderIndex = "CaseOrder";

    public const string DueWeeksIndex = "DueWeeks";
    public const string DoneWeeksIndex = "DoneWeeks";

    private const int MigrationChunk = 6000;

    public ILiteCollection<CaseClocks> Clocks => database.GetCollection<CaseClocks>(Collection);

    /// <summary>The same collection written as documents (<see cref="CaseClocksDocument"/>).</summary>
    private ILiteCollection<BsonDocument> Documents => database.GetCollection(Collection);

    public void EnsureIndexes()
    {
        CreateIndexes();
        if (database.CollectionExists(FormerCollection))
            MoveFormerSteps();
    }

    /// <summary>The case a step belongs to: its id up to the first colon.</summary>
    public static string CaseOf(string stepId) => stepId.IndexOf(':') is var colon and > 0 ? stepId[..colon] : stepId;

    public IReadOnlyList<OwedStep> ForCase(string caseNumber) => Clocks.FindById(caseNumber)?.Steps ?? [];

    public IReadOnlyList<OwedStep> OpenForCase(string caseNumber) => ForCase(caseNumber).Where(s => s.Open).ToList();

    public IReadOnlyList<string> SlipsDue(DateTimeOffset now) =>
        Clocks.Find(Query.Between(nameof(CaseClocks.NextSlipAt), new BsonValue(DateTime.MinValue), new BsonValue(now.UtcDateTime)))
            .SelectMany(c => c.Steps)
            .Where(s => s.Open && s.NextSlipAt <= now)
            .OrderBy(s => s.NextSlipAt).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => s.Id)
            .ToList();

    public OwedStep? Find(string id) => ForCase(CaseOf(id)).FirstOrDefault(s => s.Id == id);

    public void Save(OwedStep step)
    {
        if (!step.Open) step.NextSlipAt = null;
        if (Clocks.FindById(step.CaseNumber) is { } clocks)
        {
            clocks.Put(step);
            Documents.Update(CaseClocksDocument.Of(clocks));
        }
        else
        {
            Documents.Insert(CaseClocksDocument.Of(CaseClocks.Of(step.CaseNumber, [step])));
        }
    }

    /// <summary>A new case's steps: its one document, written by a plain insert.</summary>
    public void InsertNew(string caseNumber, IReadOnlyList<OwedStep> steps)
    {
        if (steps.Count == 0) return;
        foreach (var step in steps.Where(s => !s.Open))
            step.NextSlipAt = null;
        Documents.Insert(CaseClocksDocument.Of(CaseClocks.Of(caseNumber, steps)));
    }

    /// <summary>Many new cases' steps at once (benchmarks and tests that fill a file): one document per case.</summary>
    public void InsertNew(IEnumerable<OwedStep> steps) =>
        Documents.InsertBulk(steps.GroupBy(s => s.CaseNumber).Select(ofCase => CaseClocksDocument.Of(CaseClocks.Of(ofCase.Key, ofCase))));

    /// <summary>
    /// Once, on a data file from before <see cref="CaseClocks"/>: the step documents are gathered by case into the new
    /// collection, read in case order <see cref="MigrationChunk"/> at a time (one query holds every page it reads until it
    /// ends, so a single pass over a million cases would hold the file in memory), and the old collection is dropped last.
    /// A start interrupted half-way finds the old collection still there and does it again from the beginning.
    /// </summary>
    private void MoveFormerSteps()
    {
        var former = database.GetCollection<OwedStep>(FormerCollection);
        database.DropCollection(Collection);
        CreateIndexes();
        former.EnsureIndex(s => s.CaseNumber);
        string? after = null;
        while (true)
        {
            var chunk = (after is null
                ? former.Find(Query.All(nameof(OwedStep.CaseNumber)), limit: MigrationChunk)
                : former.Find(Query.GT(nameof(OwedStep.CaseNumber), after), limit: MigrationChunk)).ToList();
            if (chunk.Count == 0) break;
            var cases = GroupedByCase(chunk).ToList();
            // A full chunk may end part-way through a case: that case is read again, whole, with the next chunk.
            if (chunk.Count == MigrationChunk)
            {
                if (cases.Count == 1)
                    throw new InvalidOperationException($"Case {cases[0][0].CaseNumber} owes more than {MigrationChunk} steps; its steps cannot be moved.");
                cases.RemoveAt(cases.Count - 1);
            }

            Clocks.InsertBulk(cases.Select(steps => CaseClocks.Of(steps[0].CaseNumber, steps.Select(LookedAtByTheNextScan))));
            after = cases[^1][0].CaseNumber;
        }

        database.DropCollection(FormerCollection);
    }

    /// <summary>
    /// An open step from a file older than <see cref="OwedStep.NextSlipAt"/> has none: it is due a look at once, and the
    /// next scan then sets its real next slip time (slips already sent are not sent again: their markers stay).
    /// </summary>
    private static OwedStep LookedAtByTheNextScan(OwedStep step)
    {
        if (step.Open)
            step.NextSlipAt ??= step.OpenDueAt ?? step.DueAt;
        return step;
    }

    private void CreateIndexes()
    {
        Clocks.DropIndex(FormerCaseOrderIndex);
        Clocks.EnsureIndex(c => c.NextSlipAt);
        Clocks.EnsureIndex(c => c.OpenDueKey);
        Clocks.EnsureIndex(DueWeeksIndex, $"$.{nameof(CaseClocks.DueWeeks)}[*]");
        Clocks.EnsureIndex(DoneWeeksIndex, $"$.{nameof(CaseClocks.DoneWeeks)}[*]");
    }

    private static IEnumerable<List<OwedStep>> GroupedByCase(IEnumerable<OwedStep> inCaseOrder)
    {
        var current = new List<OwedStep>();
        foreach (var step in inCaseOrder)
        {
            if (current.Count > 0 && current[0].CaseNumber != step.CaseNumber)
            {
                yield return current;
                current = [];
            }

            current.Add(step);
        }

        if (current.Count > 0)
            yield return current;
    }
}
