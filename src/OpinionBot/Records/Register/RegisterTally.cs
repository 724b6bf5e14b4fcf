using OpinionBot.Deadlines;

namespace OpinionBot.Records.Register;

/// <summary>The counters kept while the cases stream by: per unit (cases, steps done and on time per clock, slips, escalations, reporting days) and per unit and day (cases filed).</summary>
public sealed class RegisterTally
{
    private readonly Dictionary<string, UnitTally> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateOnly), int> _filed = [];

    public int Cases { get; private set; }

    public DateOnly? FirstDay { get; private set; }

    public IEnumerable<string> UnitIds => _units.Keys.Order(StringComparer.Ordinal);

    public void Add(RegisterEntry entry)
    {
        var c = entry.Case;
        Cases++;
        if (FirstDay is null || c.ReportedOn < FirstDay) FirstDay = c.ReportedOn;
        _filed[(c.UnitId, c.ReportedOn)] = CasesOn(c.UnitId, c.ReportedOn) + 1;
        var unit = Unit(c.UnitId);
        unit.Cases++;
        foreach (var step in entry.Steps)
        {
            unit.Slips += step.SlipsSent;
            if (step.Escalated) unit.Escalations++;
            if (step.Cancelled || step.Lateness is null) continue;
            var (done, onTime) = unit.Clocks[(int)step.Clock];
            unit.Clocks[(int)step.Clock] = (done + 1, onTime + (step.OnTime ? 1 : 0));
        }
    }

    public int CasesOn(string unitId, DateOnly day) => _filed.GetValueOrDefault((unitId, day));

    public void CountReportingDay(string unitId, bool reported)
    {
        var unit = Unit(unitId);
        unit.ReportingDays++;
        if (reported) unit.ReportedDays++;
    }

    public UnitTally Unit(string unitId) => _units.TryGetValue(unitId, out var unit) ? unit : _units[unitId] = new UnitTally();

    public sealed class UnitTally
    {
        public int Cases { get; set; }
        public (int Done, int OnTime)[] Clocks { get; } = new (int, int)[Enum.GetValues<StepClock>().Length];
        public int Slips { get; set; }
        public int Escalations { get; set; }
        public int ReportingDays { get; set; }
        public int ReportedDays { get; set; }
    }
}
