using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Deadlines;

public sealed class OwedStepStore(ILiteDatabase database) : IOwedStepStore, ICollectionIndexes
{
    /// <summary>
    /// The steps' one index by case: the case number padded with zeros, so that within a year numbers sort numerically
    /// (the register reads ranges of it; on plain text <c>2026-10000</c> would sort between <c>2026-1000</c> and <c>2026-1001</c>).
    /// </summary>
    public const string CaseOrderIndex = "CaseOrder";

    public const string CaseOrderExpression = "LPAD($.CaseNumber, 16, '0')";

    private static readonly PreparedExpression CaseOrderEquals = new($"{CaseOrderExpression} = @0");

    public ILiteCollection<OwedStep> Steps => database.GetCollection<OwedStep>("owed_steps");

    public void EnsureIndexes()
    {
        Steps.EnsureIndex(CaseOrderIndex, CaseOrderExpression);
        // A case's steps are found by the CaseOrder index: a second index by case number was one more to write per step.
        Steps.DropIndex(nameof(OwedStep.CaseNumber));
        // Nothing queries by OpenDueAt any more (the scan reads NextSlipAt, the briefing OpenDueKey): one index less to
        // write for each of the six steps a report opens.
        Steps.DropIndex(nameof(OwedStep.OpenDueAt));
        Steps.EnsureIndex(s => s.DueAt);
        Steps.EnsureIndex(s => s.DoneAt);
        var created = Steps.EnsureIndex(s => s.NextSlipAt);
        created |= Steps.EnsureIndex(nameof(OwedStep.OpenDueKey), $"$.{nameof(OwedStep.OpenDueKey)}");
        if (created)
            RewriteOpenSteps();
    }

    /// <summary>
    /// Once, when the <c>NextSlipAt</c> and <c>OpenDueKey</c> indexes are first made (a data file from before them): every
    /// open step is written again, which stores its <c>OpenDueKey</c>, and is looked at by the next scan, which then sets
    /// its real next slip time.
    /// </summary>
    private void RewriteOpenSteps()
    {
        var open = Steps.Find(Query.Not(nameof(OwedStep.OpenDueAt), BsonValue.Null)).ToList();
        foreach (var step in open)
            step.NextSlipAt ??= step.OpenDueAt;
        Steps.Update(open);
    }

    /// <summary>A case number as the CaseOrder index holds it.</summary>
    public static string CaseOrderKey(string caseNumber) => caseNumber.PadLeft(16, '0');

    public IReadOnlyList<OwedStep> ForCase(string caseNumber) => Steps.Find(CaseOrderEquals.With(CaseOrderKey(caseNumber))).ToList();

    public IReadOnlyList<OwedStep> OpenForCase(string caseNumber) => ForCase(caseNumber).Where(s => s.Open).ToList();

    public IReadOnlyList<string> SlipsDue(DateTimeOffset now) =>
        Steps.Query().Where(Query.Between(nameof(OwedStep.NextSlipAt), new BsonValue(DateTime.MinValue), new BsonValue(now.UtcDateTime)))
            .Select(BsonExpression.Create("{ i: $._id }")).ToDocuments().Select(d => d["i"].AsString).ToList();

    public OwedStep? Find(string id) => Steps.Get(id);

    public void Save(OwedStep step)
    {
        if (!step.Open) step.NextSlipAt = null;
        Steps.Upsert(step);
    }

    public void Insert(OwedStep step)
    {
        if (!step.Open) step.NextSlipAt = null;
        Steps.Insert(step);
    }
}
