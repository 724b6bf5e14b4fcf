using System.Globalization;
using LiteDB;

namespace OpinionBot.Deadlines;

/// <summary>
/// LiteDB only: one document per case holding all its owed steps, with the few values the scans and briefings look
/// cases up by, each kept once per case. A report writes this one document with about six index keys instead of six
/// step documents with six keys each (the steps' index writes were a third of a report's CPU).
/// </summary>
public sealed class CaseClocks
{
    private static readonly long TicksPerWeek = TimeSpan.FromDays(7).Ticks;

    [BsonId]
    public string CaseNumber { get; set; } = "";

    /// <summary>The case's steps, ordered by id.</summary>
    public List<OwedStep> Steps { get; set; } = [];

    /// <summary>The earliest <see cref="OwedStep.NextSlipAt"/> of an open step: the overdue scan's index.</summary>
    public DateTimeOffset? NextSlipAt { get; set; }

    /// <summary>
    /// <c>{earliest open due time as 19-digit UTC ticks}|{case number}</c> while any step is open: the daily briefing
    /// reads the overdue cases and since when from this index's keys alone, no document read.
    /// </summary>
    public string? OpenDueKey { get; set; }

    /// <summary>The UTC weeks (<see cref="WeekOf"/>) the steps fall due in: the weekly briefing's index.</summary>
    public List<long> DueWeeks { get; set; } = [];

    /// <summary>The UTC weeks the closed steps were done or cancelled in (empty while none is).</summary>
    public List<long> DoneWeeks { get; set; } = [];

    /// <summary>Weeks counted from 0001-01-01 UTC: any span of time is covered by a run of them.</summary>
    public static long WeekOf(DateTimeOffset at) => at.UtcTicks / TicksPerWeek;

    public static CaseClocks Of(string caseNumber, IEnumerable<OwedStep> steps)
    {
        var clocks = new CaseClocks { CaseNumber = caseNumber, Steps = steps.OrderBy(s => s.Id, StringComparer.Ordinal).ToList() };
        clocks.Summarise();
        return clocks;
    }

    /// <summary>Puts <paramref name="step"/> in place of the step of its id, or adds it.</summary>
    public void Put(OwedStep step)
    {
        var at = Steps.FindIndex(s => s.Id == step.Id);
        if (at >= 0)
            Steps[at] = step;
        else
        {
            Steps.Add(step);
            Steps.Sort((x, y) => string.CompareOrdinal(x.Id, y.Id));
        }

        Summarise();
    }

    private void Summarise()
    {
        var open = Steps.Where(s => s.Open).ToList();
        NextSlipAt = open.Select(s => s.NextSlipAt).Where(t => t is not null).Min();
        OpenDueKey = open.Count == 0 ? null
            : string.Create(CultureInfo.InvariantCulture, $"{open.Min(s => s.OpenDueAt ?? s.DueAt).UtcTicks:D19}|{CaseNumber}");
        DueWeeks = Steps.Select(s => WeekOf(s.DueAt)).Distinct().Order().ToList();
        DoneWeeks = Steps.Where(s => s.DoneAt is not null).Select(s => WeekOf(s.DoneAt!.Value)).Distinct().Order().ToList();
    }
}
