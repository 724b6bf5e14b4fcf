using OpinionBot.DailyReports;

namespace OpinionBot.Records.Register;

/// <summary>
/// What the register reads, streamed (<see cref="RegisterSource"/> on LiteDB, <see cref="PostgreSql.PostgresRegisterSource"/>
/// on PostgreSQL): a period's cases with their owed steps, statements and dispatches, and its zero reports.
/// </summary>
public interface IRegisterSource
{
    /// <summary>
    /// The period's cases of units <paramref name="unitVisible"/> accepts, by day reported and, within a day, in number
    /// order, with their steps; read a chunk at a time, so memory holds a few chunks, not the period.
    /// </summary>
    IEnumerable<RegisterEntry> Entries(RegisterPeriod period, Func<string, bool> unitVisible);

    /// <summary>The zero reports of the period, by unit and day.</summary>
    Dictionary<(string UnitId, DateOnly Day), ZeroReport> ZeroReportsIn(RegisterPeriod period);
}
