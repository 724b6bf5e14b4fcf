using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Deadlines.PostgreSql;

/// <summary>Owed steps (<c>owed_steps</c>) on PostgreSQL; the steps due a slip by the partial index on <c>next_slip_at</c>.</summary>
public sealed class PostgresOwedStepStore(PostgresDatabase database) : IOwedStepStore
{
    public IReadOnlyList<OwedStep> ForCase(string caseNumber) =>
        database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE case_number = $1 ORDER BY id COLLATE \"C\"", caseNumber);

    public IReadOnlyList<OwedStep> OpenForCase(string caseNumber) =>
        database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE case_number = $1 AND (doc->>'Open')::boolean ORDER BY id COLLATE \"C\"", caseNumber);

    public IReadOnlyList<string> SlipsDue(DateTimeOffset now) =>
        database.Query("SELECT id FROM owed_steps WHERE next_slip_at <= $1 ORDER BY next_slip_at, id", r => r.GetString(0), now);

    public OwedStep? Find(string id) => database.FindDocument<OwedStep>("SELECT doc FROM owed_steps WHERE id = $1", id);

    public void Save(OwedStep step)
    {
        if (!step.Open) step.NextSlipAt = null;
        database.Execute("""
            INSERT INTO owed_steps (id, case_number, unit_id, open_due_at, due_at, done_at, next_slip_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET case_number = $2, unit_id = $3, open_due_at = $4, due_at = $5, done_at = $6, next_slip_at = $7, doc = $8
            """, Values(step));
    }

    /// <summary>A new case's steps in one statement (one round trip instead of one per step).</summary>
    public void InsertNew(string caseNumber, IReadOnlyList<OwedStep> steps)
    {
        if (steps.Count == 0) return;
        foreach (var step in steps.Where(s => !s.Open))
            step.NextSlipAt = null;
        var rows = string.Join(", ", steps.Select((_, i) => "(" + string.Join(", ", Enumerable.Range(1 + i * Columns, Columns).Select(n => $"${n}")) + ")"));
        database.Execute($"INSERT INTO owed_steps (id, case_number, unit_id, open_due_at, due_at, done_at, next_slip_at, doc) VALUES {rows}",
            steps.SelectMany(Values).ToArray());
    }

    private const int Columns = 8;

    private static object?[] Values(OwedStep step) =>
        [step.Id, step.CaseNumber, step.UnitId, step.OpenDueAt, step.DueAt, step.DoneAt, step.NextSlipAt, PostgresDatabase.Json(step)];
}
