using LiteDB;

namespace OpinionBot.DailyReports;

/// <summary>A unit's "nothing found today" (零报告) for one local day.</summary>
public sealed class ZeroReport
{
    [BsonId]
    public string Id { get; set; } = "";
    public string UnitId { get; set; } = "";
    public DateOnly Day { get; set; }
    public string ByKey { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset At { get; set; }

    public static string IdFor(string unitId, DateOnly day) => $"{unitId}:{day:yyyy-MM-dd}";
}
