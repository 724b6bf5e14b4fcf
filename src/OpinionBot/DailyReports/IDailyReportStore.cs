using OpinionBot.Roster;

namespace OpinionBot.DailyReports;

/// <summary>Zero reports and missed days (<see cref="DailyReportStore"/> on LiteDB, <see cref="PostgreSql.PostgresDailyReportStore"/> on PostgreSQL).</summary>
public interface IDailyReportStore
{
    /// <summary>Whether the unit filed a case or a zero report that day.</summary>
    bool HasReported(string unitId, DateOnly day);

    /// <summary>Records a missed day once; false when it was already recorded. Call inside a transaction.</summary>
    bool RecordMissed(string unitId, DateOnly day, DateTimeOffset now);

    IReadOnlyList<MissedDailyReport> MissedBetween(DateOnly from, DateOnly to);

    /// <summary>Records the zero report unless the unit already reported that day, checked and written as one step.</summary>
    ZeroReportOutcome RecordZero(string unitId, DateOnly day, Actor actor, DateTimeOffset now);
}
