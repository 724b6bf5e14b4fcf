using LiteDB;

namespace OpinionBot.DailyReports;

/// <summary>A working day a unit filed neither a case nor a zero report by the deadline; counted in the weekly summary.</summary>
public sealed class MissedDailyReport
{
    [BsonId]
    public string Id { get; set; } = "";
    public string UnitId { get; set; } = "";
    public DateOnly Day { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}
