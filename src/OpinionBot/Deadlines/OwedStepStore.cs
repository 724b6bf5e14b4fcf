using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Deadlines;

public sealed class OwedStepStore(ILiteDatabase database) : IOwedStepStore, ICollectionIndexes
{
    private static readonly PreparedExpression CaseNumberEquals = new("$.CaseNumber = @0");

    public ILiteCollection<OwedStep> Steps => database.GetCollection<OwedStep>("owed_steps");

    public void EnsureIndexes()
    {
        Steps.EnsureIndex(s => s.CaseNumber);
        Steps.EnsureIndex(s => s.OpenDueAt);
        Steps.EnsureIndex(s => s.DueAt);
        Steps.EnsureIndex(s => s.DoneAt);
    }

    public IReadOnlyList<OwedStep> ForCase(string caseNumber) => Steps.Find(CaseNumberEquals.With(caseNumber)).ToList();

    public IReadOnlyList<OwedStep> OpenForCase(string caseNumber) => ForCase(caseNumber).Where(s => s.Open).ToList();

    /// <summary>Open steps due before <paramref name="now"/>, in deadline order, a page at a time (read through the OpenDueAt index).</summary>
    public IReadOnlyList<OwedStep> Overdue(DateTimeOffset now, int skip, int limit) =>
        Steps.Find(Query.Between(nameof(OwedStep.OpenDueAt), new BsonValue(DateTime.MinValue), new BsonValue(now.UtcDateTime.AddTicks(-1))), skip, limit).ToList();

    public OwedStep? Find(string id) => Steps.Get(id);

    public void Save(OwedStep step) => Steps.Upsert(step);

    public void Insert(OwedStep step) => Steps.Insert(step);
}
