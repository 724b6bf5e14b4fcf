using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Cases.PostgreSql;

/// <summary>Cases (<c>cases</c>), their numbering (<c>counters</c>) and timelines (<c>case_events</c>) on PostgreSQL.</summary>
public sealed class PostgresCaseStore(PostgresDatabase database) : ICaseStore
{
    private const string ClosedStates = "('Archived', 'Dismissed')";

    /// <summary>One counter row per year, incremented in the caller's transaction: its row lock orders concurrent reports, a rollback gives the number back.</summary>
    public int NextSequence(int year) =>
        (int)database.Scalar<long>("""
            INSERT INTO counters (name, value) VALUES ($1, 1)
            ON CONFLICT (name) DO UPDATE SET value = counters.value + 1
            RETURNING value
            """, $"case-{year}");

    public void Insert(Case c) =>
        database.Execute("""
            INSERT INTO cases (number, submission_id, unit_id, state, level, platform, reported_on, reported_at, reporter_key, doc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            """, Columns(c));

    public void Save(Case c) =>
        database.Execute("""
            UPDATE cases SET submission_id = $2, unit_id = $3, state = $4, level = $5, platform = $6, reported_on = $7,
                reported_at = $8, reporter_key = $9, doc = $10
            WHERE number = $1
            """, Columns(c));

    private static object?[] Columns(Case c) =>
        [c.Number, c.SubmissionId, c.UnitId, c.State, c.Level, c.Platform, c.ReportedOn, c.ReportedAt, c.ReporterKey, PostgresDatabase.Json(c)];

    public Case? Find(string number) => database.FindDocument<Case>("SELECT doc FROM cases WHERE number = $1", number);

    public Case? FindForUpdate(string number) =>
        database.Session is null ? Find(number) : database.FindDocument<Case>("SELECT doc FROM cases WHERE number = $1 FOR UPDATE", number);

    public Case? FindBySubmission(string submissionId) =>
        database.FindDocument<Case>("SELECT doc FROM cases WHERE submission_id = $1", submissionId);

    public IReadOnlyList<Case> OpenCases(IReadOnlyCollection<string> unitIds, int limit) =>
        database.Documents<Case>($"""
            SELECT doc FROM cases WHERE unit_id = ANY($1) AND state NOT IN {ClosedStates}
            ORDER BY reported_at DESC LIMIT $2
            """, unitIds.ToArray(), limit);

    public int CountOpenCases(IReadOnlyCollection<string> unitIds) =>
        (int)database.Scalar<long>($"SELECT count(*) FROM cases WHERE unit_id = ANY($1) AND state NOT IN {ClosedStates}", (object)unitIds.ToArray());

    public Case? FirstCaseOn(string unitId, DateOnly day) =>
        database.FindDocument<Case>("SELECT doc FROM cases WHERE unit_id = $1 AND reported_on = $2 ORDER BY reported_at LIMIT 1", unitId, day);

    /// <summary>Appends an event unless its dedup key is there (a concurrent twin waits for the first to commit, then adds nothing).</summary>
    public bool Append(CaseEvent caseEvent) =>
        database.Execute("""
            INSERT INTO case_events (id, case_number, dedup_key, at, doc) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (dedup_key) DO NOTHING
            """, caseEvent.Id.ToString(), caseEvent.CaseNumber, caseEvent.DedupKey, caseEvent.At, PostgresDatabase.Json(caseEvent)) == 1;

    public bool HasEvent(string caseNumber, string dedupKey) => database.Exists("SELECT 1 FROM case_events WHERE dedup_key = $1", dedupKey);

    public void MarkEscalatedInTransaction(string number)
    {
        if (FindForUpdate(number) is not { Escalated: false } c) return;
        c.Escalated = true;
        Save(c);
    }

    public Case? LatestReportedBy(string reporterKey, DateTimeOffset since) =>
        database.FindDocument<Case>("SELECT doc FROM cases WHERE reporter_key = $1 AND reported_at >= $2 ORDER BY reported_at DESC LIMIT 1", reporterKey, since);

    public IReadOnlyList<CaseEvent> Timeline(string number) =>
        database.Documents<CaseEvent>("""SELECT doc FROM case_events WHERE case_number = $1 ORDER BY at, id COLLATE "C" """, number);
}
