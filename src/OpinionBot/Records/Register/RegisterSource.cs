using System.Globalization;
using LiteDB;
using OpinionBot.Cases;
using OpinionBot.DailyReports;
using OpinionBot.Deadlines;
using OpinionBot.Records.Dossier;
using OpinionBot.Storage;

namespace OpinionBot.Records.Register;

/// <summary>
/// Reads the register's cases streamed: a day at a time through the <c>ReportedOn</c> index, and for every
/// <see cref="ChunkSize"/> cases or so their owed steps by their ids (<see cref="CaseClocks"/>) in one query. Every query is short
/// (LiteDB keeps each page a query has read until the query ends) and parameterised (an expression with a value in it
/// is compiled anew each time). Documents are read raw (<see cref="RegisterMapping"/>): the cases on one thread, their
/// steps on another, a few chunks ahead of the writer; memory holds those chunks only. Within a day cases come in number order. A statement's
/// publication time is when its first-response clock closed, so no timeline is read.
/// </summary>
public sealed class RegisterSource(ILiteDatabase database) : IRegisterSource
{
    public const int ChunkSize = 500;
    internal static readonly PreparedExpression StepsOfCases = new("$._id IN @0");
    private const int ChunksAhead = 2;

    private ILiteCollection<BsonDocument> Cases => database.GetCollection("cases");
    private ILiteCollection<BsonDocument> Clocks => database.GetCollection(OwedStepStore.Collection);
    private ILiteCollection<ZeroReport> ZeroReports => database.GetCollection<ZeroReport>("zero_reports");

    /// <summary>The period's visible cases with their steps: days read on one thread, steps on another, written on the caller's.</summary>
    public IEnumerable<RegisterEntry> Entries(RegisterPeriod period, Func<string, bool> unitVisible) =>
        Prefetch.Ahead(Prefetch.Ahead(CaseBatches(period, unitVisible), ChunksAhead).Select(Complete), ChunksAhead).SelectMany(chunk => chunk);

    /// <summary>The zero reports of the period, by unit and day.</summary>
    public Dictionary<(string UnitId, DateOnly Day), ZeroReport> ZeroReportsIn(RegisterPeriod period) =>
        ZeroReports.Find(Query.Between(nameof(ZeroReport.Day), Date(period.From), Date(period.Through)))
            .ToDictionary(z => (z.UnitId, z.Day));

    /// <summary>
    /// The period's visible cases a day at a time, each day in number order and cut into batches of up to
    /// <see cref="ChunkSize"/> (so a batch's numbers are a run, and its steps one short range). Within a day LiteDB gives
    /// no order, so the day is read whole before it is cut — a day's cases, not the period's, are ever held.
    /// </summary>
    private IEnumerable<List<Case>> CaseBatches(RegisterPeriod period, Func<string, bool> unitVisible)
    {
        if (Days(period) is not var (firstDay, lastDay))
            yield break;

        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var cases = Cases.Find(BsonExpression.Create("$.ReportedOn = @0", Date(day)))
                .Where(d => unitVisible(d[nameof(Case.UnitId)].AsString))
                .Select(RegisterMapping.ToCase)
                .OrderBy(c => c.Year).ThenBy(c => c.Sequence)
                .ToList();
            for (var start = 0; start < cases.Count; start += ChunkSize)
                yield return cases.GetRange(start, Math.Min(ChunkSize, cases.Count - start));
        }
    }

    /// <summary>The period's first and last day that have cases at all (the two ends of the <c>ReportedOn</c> index).</summary>
    private (DateOnly First, DateOnly Last)? Days(RegisterPeriod period)
    {
        string? End(int order) => Cases.Query().OrderBy(nameof(Case.ReportedOn), order).Select(BsonExpression.Create("{ d: $.ReportedOn }"))
            .Limit(1).ToDocuments().FirstOrDefault()?["d"].AsString;
        if (End(Query.Ascending) is not { } earliest || End(Query.Descending) is not { } latest) return null;
        var first = DateOnly.ParseExact(earliest, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = DateOnly.ParseExact(latest, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (first > period.From ? first : period.From, last < period.Through ? last : period.Through);
    }

    private List<RegisterEntry> Complete(List<Case> cases)
    {
        var steps = StepsOf(cases.Select(c => c.Number).ToList());
        return cases
            .Select(c =>
            {
                var caseSteps = steps.GetValueOrDefault(c.Number) ?? [];
                return new RegisterEntry(c, caseSteps, CaseStatements.Of(c), CaseDispatches.Of(c));
            })
            .ToList();
    }

    /// <summary>The owed steps of <paramref name="numbers"/>, by case: one look-up by id per case, in one query.</summary>
    private Dictionary<string, List<OwedStep>> StepsOf(IReadOnlyList<string> numbers) =>
        Clocks.Find(StepsOfCases.With(new BsonArray(numbers.Select(n => new BsonValue(n)))))
            .ToDictionary(document => document["_id"].AsString, RegisterMapping.StepsOf, StringComparer.Ordinal);

    private static BsonValue Date(DateOnly day) => new(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}
