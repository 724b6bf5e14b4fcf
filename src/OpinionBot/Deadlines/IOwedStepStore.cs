namespace OpinionBot.Deadlines;

/// <summary>The steps cases owe against their clocks (<see cref="OwedStepStore"/> on LiteDB, <see cref="PostgreSql.PostgresOwedStepStore"/> on PostgreSQL).</summary>
public interface IOwedStepStore
{
    IReadOnlyList<OwedStep> ForCase(string caseNumber);

    IReadOnlyList<OwedStep> OpenForCase(string caseNumber);

    /// <summary>Open steps due before <paramref name="now"/>, in deadline order, a page at a time.</summary>
    IReadOnlyList<OwedStep> Overdue(DateTimeOffset now, int skip, int limit);

    OwedStep? Find(string id);

    void Save(OwedStep step);

    /// <summary>A step whose id is not taken yet (one of a new case): written without first looking for one to replace.</summary>
    void Insert(OwedStep step) => Save(step);
}
