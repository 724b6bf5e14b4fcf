using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Roster;

/// <summary>
/// How the bot names a person on the roster, never by an object id: the name <c>Organization:People</c> gives, else
/// the name Teams gave when they last spoke to the bot, else their email/UPN, else "(name unknown)".
/// </summary>
public sealed class PersonNames(IRosterStore roster, IPersonProfileStore profiles, BotTexts texts, OrganizationClock clock)
{
    public string DisplayName(string personKey) =>
        KnownName(personKey) ?? (PersonKey.IsObjectId(personKey) ? texts.Get(clock.DefaultLanguage, "person.unnamed") : personKey);

    /// <summary>The roster's name, else the one Teams gave; null when neither is known.</summary>
    public string? KnownName(string personKey) =>
        roster.PersonName(personKey) ?? (profiles.FindByKey(PersonKey.Normalize(personKey)) is { Name.Length: > 0 } p ? p.Name : null);
}
