using System.Globalization;
using OpinionBot.Bot;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Duty;

/// <summary><c>duty</c> / <c>值班</c>: who is on duty now, who takes over next and when, and whether the duty copies apply now.</summary>
public sealed class DutyCommand(DutyRoster duty, PersonNames names, OrganizationClock clock) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("duty", Language.EnUs), new("值班", Language.ZhCn)];

    public string DescriptionKey => "command.duty.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!duty.IsConfigured)
            return context.ReplyTextAsync("duty.none", cancellationToken);

        var now = clock.UtcNow;
        var onDuty = duty.OnDutyAt(now);
        var lines = new List<string>
        {
            onDuty.Count > 0 ? context.Text("duty.now", Names(onDuty, context.Language)) : context.Text("duty.nobodyNow"),
        };
        if (duty.NextChange(now) is { } next)
        {
            var at = clock.ToLocal(next.At).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            lines.Add(next.People.Count > 0 ? context.Text("duty.next", at, Names(next.People, context.Language)) : context.Text("duty.nextNobody", at));
        }
        else
            lines.Add(context.Text("duty.noChange", (int)DutyRoster.Horizon.TotalDays));

        lines.Add(context.Text(duty.IsOffHours(now) ? "duty.offHours" : "duty.workingHours"));
        return context.ReplyAsync(BotFramework.Schema.Activity.CreateMessageActivity(string.Join("\n\n", lines)), cancellationToken);
    }

    private string Names(IEnumerable<string> people, Language language) =>
        string.Join(language == Language.ZhCn ? "、" : ", ", people.Select(names.DisplayName));
}
