using OpinionBot.Cases;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Records.Dossier;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Records.Register.PostgreSql;

/// <summary>
/// The register's reads on PostgreSQL: the days of the period that have cases, then a day's cases at a time (by the
/// <c>reported_on</c> index) in number order, cut into chunks of <see cref="ChunkSize"/>, each chunk's owed steps in one
/// query by case number. As on LiteDB, the cases are read on one thread and their steps on another, a few chunks ahead
/// of the writer (each on a pooled connection of its own).
/// </summary>
public sealed class PostgresRegisterSource(PostgresDatabase database) : IRegisterSource
{
    public const int ChunkSize = 500;
    private const int ChunksAhead = 2;

    public IEnumerable<RegisterEntry> Entries(RegisterPeriod period, Func<string, bool> unitVisible) =>
        Prefetch.Ahead(Prefetch.Ahead(CaseBatches(period, unitVisible), ChunksAhead).Select(Complete), ChunksAhead).SelectMany(chunk => chunk);

    public Dictionary<(string UnitId, DateOnly Day), ZeroReport> ZeroReportsIn(RegisterPeriod period) =>
        database.Documents<ZeroReport>("SELECT doc FROM zero_reports WHERE day BETWEEN $1 AND $2", period.From, period.Through)
            .ToDictionary(z => (z.UnitId, z.Day));

    private IEnumerable<List<Case>> CaseBatches(RegisterPeriod period, Func<string, bool> unitVisible)
    {
        var days = database.Query("SELECT DISTINCT reported_on FROM cases WHERE reported_on BETWEEN $1 AND $2 ORDER BY reported_on",
            r => r.GetFieldValue<DateOnly>(0), period.From, period.Through);
        foreach (var day in days)
        {
            var cases = database.Documents<Case>("SELECT doc FROM cases WHERE reported_on = $1", day)
                .Where(c => unitVisible(c.UnitId))
                .OrderBy(c => c.Year).ThenBy(c => c.Sequence)
                .ToList();
            for (var start = 0; start < cases.Count; start += ChunkSize)
                yield return cases.GetRange(start, Math.Min(ChunkSize, cases.Count - start));
        }
    }

    private List<RegisterEntry> Complete(List<Case> cases)
    {
        var steps = database.Documents<OwedStep>("SELECT doc FROM owed_steps WHERE case_number = ANY($1) ORDER BY case_number, id",
                (object)cases.Select(c => c.Number).ToArray()) // one text[] parameter, not the array spread as the parameters
            .GroupBy(s => s.CaseNumber, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return cases
            .Select(c => new RegisterEntry(c, steps.GetValueOrDefault(c.Number) ?? [], CaseStatements.Of(c), CaseDispatches.Of(c)))
            .ToList();
    }
}
