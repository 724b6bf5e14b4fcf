namespace OpinionBot.Deadlines;

/// <summary>The steps cases owe against their clocks (<see cref="OwedStepStore"/> on LiteDB, one document per case, <see cref="PostgreSql.PostgresOwedStepStore"/> on PostgreSQL).</summary>
public interface IOwedStepStore
{
    IReadOnlyList<OwedStep> ForCase(string caseNumber);

    IReadOnlyList<OwedStep> OpenForCase(string caseNumber);

    /// <summary>
    /// The ids of the steps whose <see cref="OwedStep.NextSlipAt"/> is at or before <paramref name="now"/> (a reminder
    /// slip or escalation notice due), earliest first: read through an index, so it costs what is due, not what is stored.
    /// </summary>
    IReadOnlyList<string> SlipsDue(DateTimeOffset now);

    OwedStep? Find(string id);

    /// <summary>Inserts or replaces <paramref name="step"/>; a closed step's <see cref="OwedStep.NextSlipAt"/> is cleared.</summary>
    void Save(OwedStep step);

    /// <summary>A new case's steps (the case owes none yet): written without first looking for ones to replace.</summary>
    void InsertNew(string caseNumber, IReadOnlyList<OwedStep> steps)
    {
        foreach (var step in steps)
            Save(step);
    }
}
