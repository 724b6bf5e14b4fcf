namespace OpinionBot.Briefings;

/// <summary>Briefing figures (<see cref="BriefingAggregator"/> on LiteDB, <see cref="PostgreSql.PostgresBriefingAggregator"/> on PostgreSQL).</summary>
public interface IBriefingAggregator
{
    /// <summary>Whether units owe a daily report on <paramref name="day"/>: working days, or every day when so configured.</summary>
    bool IsReportingDay(DateOnly day);

    DailyFigures Daily(DateOnly day, DateTimeOffset now);

    /// <summary>The week from <paramref name="monday"/> through <paramref name="through"/> (its Sunday, or today so far).</summary>
    WeeklyFigures Weekly(DateOnly monday, DateOnly through, int trendWeeks = 4);
}
