using OpinionBot.Cases;
using OpinionBot.Roster;
using OpinionBot.Storage;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.DailyReports.PostgreSql;

/// <summary>Zero reports (<c>zero_reports</c>) and missed days (<c>missed_daily_reports</c>) on PostgreSQL.</summary>
public sealed class PostgresDailyReportStore(PostgresDatabase database, IStoreTransaction transaction, ICaseStore cases) : IDailyReportStore
{
    public bool HasReported(string unitId, DateOnly day) =>
        cases.FirstCaseOn(unitId, day) is not null || database.Exists("SELECT 1 FROM zero_reports WHERE id = $1", ZeroReport.IdFor(unitId, day));

    public bool RecordMissed(string unitId, DateOnly day, DateTimeOffset now)
    {
        var missed = new MissedDailyReport { Id = ZeroReport.IdFor(unitId, day), UnitId = unitId, Day = day, RecordedAt = now };
        return database.Execute("""
            INSERT INTO missed_daily_reports (id, unit_id, day, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING
            """, missed.Id, unitId, day, PostgresDatabase.Json(missed)) == 1;
    }

    public IReadOnlyList<MissedDailyReport> MissedBetween(DateOnly from, DateOnly to) =>
        database.Documents<MissedDailyReport>("SELECT doc FROM missed_daily_reports WHERE day BETWEEN $1 AND $2 ORDER BY day, id", from, to);

    /// <summary>Checked and written in one transaction; a second zero report of the day adds nothing (its key is taken).</summary>
    public ZeroReportOutcome RecordZero(string unitId, DateOnly day, Actor actor, DateTimeOffset now) =>
        transaction.Run(() =>
        {
            var id = ZeroReport.IdFor(unitId, day);
            if (cases.FirstCaseOn(unitId, day) is { } filed)
                return new ZeroReportOutcome(ZeroReportResult.CaseAlreadyFiled, filed.Number);
            var report = new ZeroReport { Id = id, UnitId = unitId, Day = day, ByKey = actor.Key, ByName = actor.Name, At = now };
            var added = database.Execute("""
                INSERT INTO zero_reports (id, unit_id, day, doc) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING
                """, id, unitId, day, PostgresDatabase.Json(report)) == 1;
            return added ? new ZeroReportOutcome(ZeroReportResult.Recorded, null) : new ZeroReportOutcome(ZeroReportResult.AlreadyRecorded, null);
        });
}
