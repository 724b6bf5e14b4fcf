using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Deadlines;
using OpinionBot.Records.Dossier;
using OpinionBot.Records.Register.Xlsx;

namespace OpinionBot.Records.Register;

/// <summary>What a register covers: the period, the units the requester may see, and the unit names.</summary>
public sealed record RegisterScope(RegisterPeriod Period, IReadOnlyList<(string Id, string Name)> Units, bool AllUnits)
{
    public bool Covers(string unitId) => AllUnits || Units.Any(u => u.Id == unitId);
}

/// <summary>What was written: how many cases, and the first day the compliance sheet starts at.</summary>
public sealed record RegisterSummary(int Cases, DateOnly From, DateOnly Through);

/// <summary>
/// The register (舆情台账) as an .xlsx of three sheets: the cases (one row each, every field the procedures ask for),
/// daily-report compliance per unit and day, and on-time rates per unit. Streamed from <see cref="IRegisterSource"/>
/// into <see cref="XlsxWriter"/>; only per-unit and per-day counters are kept while writing.
/// </summary>
public sealed class RegisterWorkbook(IRegisterSource source, Briefings.IBriefingAggregator calendar, OrganizationClock clock)
{
    /// <summary>The clocks in their enum order (their values are 0, 1, 2…: a step's clock indexes this).</summary>
    private static readonly StepClock[] Clocks = Enum.GetValues<StepClock>();

    public RegisterSummary Write(Stream output, RegisterScope scope, RegisterTexts t, string author)
    {
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.LocalNow.DateTime);
        var tally = new RegisterTally();
        using var workbook = new XlsxWriter(output, clock.LocalNow.DateTime);

        var cases = workbook.AddSheet(t["register.sheet.cases"], CaseColumns(t));
        var visible = new Func<string, bool>(scope.Covers);
        var names = scope.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        foreach (var entry in source.Entries(scope.Period, visible))
        {
            WriteCase(cases, entry, t, names, now);
            tally.Add(entry);
        }

        cases.Finish();
        var zeroReports = source.ZeroReportsIn(scope.Period);
        var from = scope.Period.IsAll ? Earliest(tally.FirstDay, zeroReports.Keys.Select(k => (DateOnly?)k.Day).Min(), today) : scope.Period.From;
        var through = scope.Period.Through < today ? scope.Period.Through : today;
        var units = scope.Units.Select(u => u.Id).Concat(tally.UnitIds.Where(id => !names.ContainsKey(id))).ToList();

        var compliance = workbook.AddSheet(t["register.sheet.compliance"], ComplianceColumns(t));
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            var reportingDay = calendar.IsReportingDay(day);
            foreach (var unit in units)
            {
                var filed = tally.CasesOn(unit, day);
                var zero = zeroReports.GetValueOrDefault((unit, day));
                var status = filed > 0 ? "register.status.caseFiled"
                    : zero is not null ? "register.status.zeroReport"
                    : !reportingDay ? "register.status.notReportingDay"
                    : day == today ? "register.status.notYet"
                    : "register.status.missed";
                if (reportingDay && day < today || reportingDay && (filed > 0 || zero is not null))
                    tally.CountReportingDay(unit, reported: filed > 0 || zero is not null);
                compliance.StartRow().Date(day).Shared(names.GetValueOrDefault(unit, unit)).Shared(t[reportingDay ? "register.yes" : "register.no"])
                    .Shared(t[status]).Integer(filed).Shared(zero?.ByName).DateTime(zero is null ? null : clock.ToLocal(zero.At));
            }
        }

        compliance.Finish();
        var rates = workbook.AddSheet(t["register.sheet.rates"], RateColumns(t));
        foreach (var unit in units)
        {
            var u = tally.Unit(unit);
            rates.StartRow().Shared(names.GetValueOrDefault(unit, unit)).Integer(u.Cases);
            foreach (var c in Clocks)
            {
                var (done, onTime) = u.Clocks[(int)c];
                rates.Integer(done).Integer(onTime).Percent(done == 0 ? null : (double)onTime / done);
            }

            rates.Integer(u.Slips).Integer(u.Escalations).Integer(u.ReportingDays).Integer(u.ReportedDays)
                .Percent(u.ReportingDays == 0 ? null : (double)u.ReportedDays / u.ReportingDays);
        }

        rates.Finish();
        workbook.Finish(t.Get("register.title", PeriodText(scope.Period, t)), author);
        return new RegisterSummary(tally.Cases, from, through);
    }

    public static string PeriodText(RegisterPeriod period, RegisterTexts t) => period.IsAll ? t["register.all"] : period.Label.Replace('_', '~');

    private void WriteCase(SheetWriter sheet, RegisterEntry entry, RegisterTexts t, Dictionary<string, string> names, DateTimeOffset now)
    {
        var c = entry.Case;
        sheet.StartRow()
            .Text(c.Number).Text(c.Title).Text(string.Join("; ", c.Links)).Shared(t.Of("platform", c.Platform))
            .DateTime(Local(c.PublishedAt)).DateTime(Local(c.DiscoveredAt)).DateTime(Local(c.ReportedAt))
            .Shared(t.Of("level", c.Level)).Shared(t.Of("category", c.Category)).Shared(c.Flags.Count == 0 ? null : t.List(c.Flags.Select(f => t.Of("flag", f))))
            .Integer(c.Reach.Reposts).Integer(c.Reach.Comments).Integer(c.Reach.Views)
            .Shared(c.CommentTendency is { } tendency ? t.Of("tendency", tendency) : null)
            .Shared(names.GetValueOrDefault(c.UnitId, c.UnitId)).Shared(c.CooperatingUnits.Count == 0 ? null : t.List(c.CooperatingUnits.Select(u => names.GetValueOrDefault(u, u))))
            .Shared(c.ReporterName).Shared(t.Of("state", c.State)).DateTime(Local(c.NextDeadline));

        var latest = new OwedStep?[Clocks.Length];
        var (slips, escalations) = (0, 0);
        foreach (var s in entry.Steps)
        {
            slips += s.SlipsSent;
            if (s.Escalated) escalations++;
            if (latest[(int)s.Clock] is not { } known || s.StartedAt >= known.StartedAt) latest[(int)s.Clock] = s;
        }

        foreach (var step in latest)
            sheet.DateTime(Local(step?.DueAt)).DateTime(step is { Cancelled: false } ? Local(step.DoneAt) : null).Decimal(step is null ? null : LateHours(step, now));

        sheet.Integer(slips).Integer(escalations)
            .Text(Statements(entry.Statements, t)).DateTime(Local(entry.Statements.Select(s => s.PublishedAt).Where(p => p is not null).Min()))
            .Date(entry.Statements.Select(s => s.PromisedDate).Where(p => p is not null).Max())
            .Text(Dispatches(entry.Dispatches, t, names)).Text(string.Join("; ", c.RelatedCases)).Integer(c.Reopened == 0 ? null : c.Reopened)
            .Text(c.HandlingResult).Text(c.ClosingReview);
    }

    /// <summary>Hours late: for a done step how late it was (0 when on time), for an open one how late it is now; nothing for a cancelled one or one not yet due.</summary>
    public static double? LateHours(OwedStep step, DateTimeOffset now)
    {
        if (step.Cancelled) return null;
        if (step.Lateness is { } late) return Math.Max(0, late.TotalHours);
        return step.Open && now > step.DueAt ? (now - step.DueAt).TotalHours : null;
    }

    private string Statements(IReadOnlyList<StatementRecord> statements, RegisterTexts t) => string.Join("\n", statements.Select(s =>
    {
        var when = s.PublishedAt is { } published ? t.Get("register.statementPublished", Time(published)) : t[s.StageKey];
        return t.Get("register.statementLine", t[s.KindKey], when, s.Text);
    }));

    private string Dispatches(IReadOnlyList<DispatchRecord> dispatches, RegisterTexts t, Dictionary<string, string> names) => string.Join("\n", dispatches.Select(d =>
        t.Get(d.Withdrawn ? "register.dispatchWithdrawn" : d.AcknowledgedAt is not null ? "register.dispatchAcknowledged" : "register.dispatchOpen",
            names.GetValueOrDefault(d.UnitId, d.UnitId), Time(d.At), d.AcknowledgedAt is { } at ? Time(at) : "", t[d.RoleKey])));

    private string Time(DateTimeOffset utc) => clock.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private DateTimeOffset? Local(DateTimeOffset? utc) => utc is { } value ? clock.ToLocal(value) : null;

    private static DateOnly Earliest(DateOnly? a, DateOnly? b, DateOnly fallback) =>
        new[] { a, b }.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(fallback).Min();

    private static List<ColumnSpec> CaseColumns(RegisterTexts t)
    {
        var columns = new List<ColumnSpec>
        {
            new(t["register.col.number"], 11), new(t["register.col.title"], 36), new(t["register.col.links"], 40), new(t["register.col.platform"], 10),
            new(t["register.col.published"], 17, CellStyle.DateTime), new(t["register.col.discovered"], 17, CellStyle.DateTime), new(t["register.col.reported"], 17, CellStyle.DateTime),
            new(t["register.col.level"], 15), new(t["register.col.category"], 12), new(t["register.col.flags"], 22),
            new(t["register.col.reposts"], 9, CellStyle.Integer), new(t["register.col.comments"], 9, CellStyle.Integer), new(t["register.col.views"], 11, CellStyle.Integer),
            new(t["register.col.tendency"], 9), new(t["register.col.unit"], 14), new(t["register.col.cooperating"], 14), new(t["register.col.reporter"], 10),
            new(t["register.col.state"], 16), new(t["register.col.nextDeadline"], 17, CellStyle.DateTime),
        };
        foreach (var c in Clocks)
        {
            var name = t.Of("clock", c);
            columns.Add(new(t.Get("register.col.clockDue", name), 17, CellStyle.DateTime));
            columns.Add(new(t.Get("register.col.clockDone", name), 17, CellStyle.DateTime));
            columns.Add(new(t.Get("register.col.clockLate", name), 11, CellStyle.Decimal));
        }

        columns.AddRange([
            new(t["register.col.slips"], 8, CellStyle.Integer), new(t["register.col.escalations"], 8, CellStyle.Integer),
            new(t["register.col.statements"], 40), new(t["register.col.statementPublished"], 17, CellStyle.DateTime),
            new(t["register.col.promised"], 12, CellStyle.Date),
            new(t["register.col.dispatches"], 24), new(t["register.col.related"], 14), new(t["register.col.reopened"], 8, CellStyle.Integer),
            new(t["register.col.result"], 36), new(t["register.col.review"], 24),
        ]);
        return columns;
    }

    private static List<ColumnSpec> ComplianceColumns(RegisterTexts t) =>
    [
        new(t["register.col.day"], 12, CellStyle.Date), new(t["register.col.unit"], 16), new(t["register.col.reportingDay"], 10),
        new(t["register.col.status"], 18), new(t["register.col.casesFiled"], 10, CellStyle.Integer),
        new(t["register.col.zeroBy"], 12), new(t["register.col.zeroAt"], 17, CellStyle.DateTime),
    ];

    private static List<ColumnSpec> RateColumns(RegisterTexts t)
    {
        var columns = new List<ColumnSpec> { new(t["register.col.unit"], 16), new(t["register.col.cases"], 8, CellStyle.Integer) };
        foreach (var c in Clocks)
        {
            var name = t.Of("clock", c);
            columns.Add(new(t.Get("register.col.clockDoneCount", name), 10, CellStyle.Integer));
            columns.Add(new(t.Get("register.col.clockOnTime", name), 10, CellStyle.Integer));
            columns.Add(new(t.Get("register.col.clockRate", name), 10, CellStyle.Percent));
        }

        columns.AddRange([
            new(t["register.col.slips"], 8, CellStyle.Integer), new(t["register.col.escalations"], 8, CellStyle.Integer),
            new(t["register.col.reportingDays"], 10, CellStyle.Integer), new(t["register.col.reportedDays"], 10, CellStyle.Integer),
            new(t["register.col.compliance"], 10, CellStyle.Percent),
        ]);
        return columns;
    }
}
