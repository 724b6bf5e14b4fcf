using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Deadlines.PostgreSql;

/// <summary>Owed steps (<c>owed_steps</c>) on PostgreSQL; open steps are found by the partial index on <c>open_due_at</c>.</summary>
public sealed class PostgresOwedStepStore(PostgresDatabase database) : IOwedStepStore
{
    public IReadOnlyList<OwedStep> ForCase(string caseNumber) =>
        database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE case_number = $1 ORDER BY id COLLATE \"C\"", caseNumber);

    public IReadOnlyList<OwedStep> OpenForCase(string caseNumber) =>
        database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE case_number = $1 AND (doc->>'Open')::boolean ORDER BY id COLLATE \"C\"", caseNumber);

    public IReadOnlyList<OwedStep> Overdue(DateTimeOffset now, int skip, int limit) =>
        database.Documents<OwedStep>("""
            SELECT doc FROM owed_steps WHERE open_due_at IS NOT NULL AND open_due_at < $1
            ORDER BY open_due_at, id OFFSET $2 LIMIT $3
            """, now, skip, limit);

    public OwedStep? Find(string id) => database.FindDocument<OwedStep>("SELECT doc FROM owed_steps WHERE id = $1", id);

    public void Save(OwedStep step) =>
        database.Execute("""
            INSERT INTO owed_steps (id, case_number, unit_id, open_due_at, due_at, done_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE SET case_number = $2, unit_id = $3, open_due_at = $4, due_at = $5, done_at = $6, doc = $7
            """, step.Id, step.CaseNumber, step.UnitId, step.OpenDueAt, step.DueAt, step.DoneAt, PostgresDatabase.Json(step));
}
