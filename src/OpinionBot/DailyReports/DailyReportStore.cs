using LiteDB;
using OpinionBot.Cases;
using OpinionBot.Roster;
using OpinionBot.Storage;

namespace OpinionBot.DailyReports;

/// <summary>Zero reports; a unit has reported a day when it filed a case or a zero report that day.</summary>
public sealed class DailyReportStore(ILiteDatabase database, StoreTransaction transaction, CaseStore cases) : IDailyReportStore, ICollectionIndexes
{
    private ILiteCollection<ZeroReport> ZeroReports => database.GetCollection<ZeroReport>("zero_reports");
    private ILiteCollection<MissedDailyReport> Missed => database.GetCollection<MissedDailyReport>("missed_daily_reports");

    public void EnsureIndexes()
    {
        ZeroReports.EnsureIndex(z => z.Day);
        ZeroReports.EnsureIndex(z => z.UnitId);
        Missed.EnsureIndex(m => m.Day);
    }

    /// <summary>Whether the unit filed a case or a zero report that day.</summary>
    public bool HasReported(string unitId, DateOnly day) =>
        cases.FirstCaseOn(unitId, day) is not null || ZeroReports.Exists(z => z.Id == ZeroReport.IdFor(unitId, day));

    /// <summary>Records a missed day once; false when it was already recorded. Call inside a <see cref="StoreTransaction"/>.</summary>
    public bool RecordMissed(string unitId, DateOnly day, DateTimeOffset now)
    {
        var id = ZeroReport.IdFor(unitId, day);
        if (Missed.Exists(m => m.Id == id)) return false;
        Missed.Insert(new MissedDailyReport { Id = id, UnitId = unitId, Day = day, RecordedAt = now });
        return true;
    }

    public IReadOnlyList<MissedDailyReport> MissedBetween(DateOnly from, DateOnly to) =>
        Missed.Find(m => m.Day >= from && m.Day <= to).ToList();

    /// <summary>Records the zero report unless the unit already reported that day, checked and written as one step.</summary>
    public ZeroReportOutcome RecordZero(string unitId, DateOnly day, Actor actor, DateTimeOffset now) =>
        transaction.Run(() =>
        {
            if (cases.FirstCaseOn(unitId, day) is { } filed)
                return new ZeroReportOutcome(ZeroReportResult.CaseAlreadyFiled, filed.Number);
            var id = ZeroReport.IdFor(unitId, day);
            if (ZeroReports.Exists(z => z.Id == id))
                return new ZeroReportOutcome(ZeroReportResult.AlreadyRecorded, null);

            ZeroReports.Insert(new ZeroReport { Id = id, UnitId = unitId, Day = day, ByKey = actor.Key, ByName = actor.Name, At = now });
            return new ZeroReportOutcome(ZeroReportResult.Recorded, null);
        });
}

public enum ZeroReportResult
{
    Recorded,
    AlreadyRecorded,
    CaseAlreadyFiled,
}

public sealed record ZeroReportOutcome(ZeroReportResult Result, string? CaseNumber);
