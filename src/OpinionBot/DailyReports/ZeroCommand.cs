using OpinionBot.Bot;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.DailyReports;

/// <summary><c>zero</c> / <c>零报告</c>: today's zero report for the officer's unit (naming the unit when they have several).</summary>
public sealed class ZeroCommand(IDailyReportStore reports, IRosterStore roster, OrganizationClock clock) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("zero", Language.EnUs), new("零报告", Language.ZhCn)];

    public string DescriptionKey => "command.zero.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var units = context.Actor.OfficerOf.Select(roster.FindUnit).OfType<Unit>().ToList();
        if (units.Count == 0)
            return context.ReplyTextAsync("access.noUnit", cancellationToken);

        var named = context.Arguments.Trim();
        var unit = units.Count == 1 && named.Length == 0
            ? units[0]
            : units.FirstOrDefault(u => named.Equals(u.Id, StringComparison.OrdinalIgnoreCase) || named == u.Name);
        if (unit is null)
            return context.ReplyTextAsync("zero.whichUnit", cancellationToken, string.Join(", ", units.Select(u => $"{u.Name} ({u.Id})")));

        var now = clock.UtcNow;
        var day = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
        var dayText = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var outcome = reports.RecordZero(unit.Id, day, context.Actor, now);
        return outcome.Result switch
        {
            ZeroReportResult.Recorded => context.ReplyTextAsync("zero.recorded", cancellationToken, unit.Name, dayText),
            ZeroReportResult.AlreadyRecorded => context.ReplyTextAsync("zero.already", cancellationToken, unit.Name, dayText),
            _ => context.ReplyTextAsync("zero.caseFiled", cancellationToken, unit.Name, outcome.CaseNumber, dayText),
        };
    }
}
