using System.Globalization;
using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cards;
using OpinionBot.Configuration;
using OpinionBot.Roster;

namespace OpinionBot.DailyReports;

/// <summary>The reminder's "Zero report" button: records today's zero report for the card's unit, for its officers only.</summary>
public sealed class ZeroReportCardAction(IDailyReportStore reports, IRosterStore roster, OrganizationClock clock) : ICardAction
{
    public string Verb => ZeroReportReminderCard.ZeroReportVerb;

    public Task<AdaptiveCardInvokeResponse> HandleAsync(CardActionContext context, CancellationToken cancellationToken)
    {
        var data = BotJson.Convert<Dictionary<string, object?>>(context.Action.Data);
        var unitId = data?.GetValueOrDefault("unitId")?.ToString() ?? "";
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.ToLocal(now).DateTime);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (roster.FindUnit(unitId) is not { } unit || !context.Actor.OfficerOf.Contains(unitId))
            return Error(context.Text("access.noUnit"));
        if (data?.GetValueOrDefault("day")?.ToString() != todayText)
            return Error(context.Text("zeroReminder.stale"));

        var outcome = reports.RecordZero(unit.Id, today, context.Actor, now);
        var text = outcome.Result switch
        {
            ZeroReportResult.Recorded => context.Text("zero.recorded", unit.Name, todayText),
            ZeroReportResult.AlreadyRecorded => context.Text("zero.already", unit.Name, todayText),
            _ => context.Text("zero.caseFiled", unit.Name, outcome.CaseNumber, todayText),
        };
        var card = new AdaptiveCard().Add(CardElements.Heading(context.Text("zeroReminder.title")), CardElements.Text(text));
        return Task.FromResult(AdaptiveCardInvokeResponse.Card(card.ToJson()));
    }

    private static Task<AdaptiveCardInvokeResponse> Error(string message) =>
        Task.FromResult(AdaptiveCardInvokeResponse.Error(400, "NotAllowed", message));
}
