using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Duty;

/// <summary>
/// Outside working hours and on days off, the person on duty (值班) also gets what the office would act on: new
/// reports, reminder slips and escalation notices. Features add <see cref="Copies"/> to what they queue.
/// </summary>
public sealed class DutyAudience(DutyRoster duty, Recipients recipients, OrganizationClock clock, BotTexts texts, ILogger<DutyAudience> logger)
{
    /// <summary>
    /// One copy for each person on duty now, when now is off hours, in their personal chat and language; none for
    /// <paramref name="alreadyTold"/> (who get the message anyway). A text message is marked as the duty copy.
    /// </summary>
    public IReadOnlyList<(ConversationRecord To, Activity Activity)> Copies(Func<Language, Activity> build, IEnumerable<string>? alreadyTold = null)
    {
        var people = duty.AlsoToldAt(clock.UtcNow);
        if (people.Count == 0) return [];

        var skip = (alreadyTold ?? []).Select(PersonKey.Normalize).ToHashSet();
        var copies = new List<(ConversationRecord, Activity)>();
        foreach (var person in people.Where(p => !skip.Contains(p)))
        {
            if (recipients.PersonalChat(person) is not { } chat)
            {
                logger.LogWarning("{Person} is on duty but has no chat with the bot yet; they get no copy", person);
                continue;
            }

            var language = recipients.LanguageOf(person, clock.DefaultLanguage);
            var activity = build(language);
            activity.Locale ??= language.Tag();
            if (!string.IsNullOrEmpty(activity.Text))
                activity.Text = texts.Get(language, "duty.copy", activity.Text);
            copies.Add((chat, activity));
        }

        return copies;
    }
}
