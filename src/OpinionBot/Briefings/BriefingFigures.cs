using OpinionBot.Cases;
using OpinionBot.Deadlines;

namespace OpinionBot.Briefings;

/// <summary>A case as a briefing lists it: overdue since when, if it is.</summary>
public sealed record BriefingCase(string Number, string Title, CaseLevel Level, string UnitId, CaseState State, DateTimeOffset? OverdueSince);

/// <summary>The daily briefing's figures for one local day (and the open cases as of when it was made).</summary>
public sealed record DailyFigures(
    DateOnly Day,
    int NewCases,
    IReadOnlyList<(CaseLevel Level, int Count)> ByLevel,
    IReadOnlyList<(string UnitId, int Count)> ByUnit,
    IReadOnlyList<(Platform Platform, int Count)> ByPlatform,
    int OpenCases,
    int OverdueCases,
    IReadOnlyList<BriefingCase> OpenShown,
    bool ReportingDay,
    IReadOnlyList<string> MissedReportUnits,
    int WaitingForLeader,
    IReadOnlyList<BriefingCase> WaitingShown);

/// <summary>One clock's steps done in the week by a unit, and how many on time.</summary>
public sealed record ClockRate(StepClock Clock, int Done, int OnTime);

/// <summary>One unit's week: on-time rates per clock, slips, escalations, daily-report compliance.</summary>
public sealed record UnitWeek(string UnitId, int Cases, IReadOnlyList<ClockRate> Clocks, int Slips, int Escalations, int ReportedDays, int ReportingDays);

public sealed record WeekCount(DateOnly Monday, int Cases);

/// <summary>The weekly summary's figures: <see cref="Monday"/> to <see cref="Through"/> (Sunday, or today for <c>stats</c>).</summary>
public sealed record WeeklyFigures(
    DateOnly Monday,
    DateOnly Through,
    int Cases,
    IReadOnlyList<(CaseLevel Level, int Count)> ByLevel,
    IReadOnlyList<UnitWeek> Units,
    int Slips,
    int Escalations,
    int ReportingDays,
    IReadOnlyList<WeekCount> Trend);
