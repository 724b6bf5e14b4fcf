using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Delivery;

/// <summary>Where a person on the roster can be reached, how to @mention and name them, and which language they read.</summary>
public sealed class Recipients(IPersonProfileStore profiles, IConversationStore conversations, IRosterStore roster, PersonNames names)
{
    public ConversationRecord? PersonalChat(string personKey)
    {
        var profile = profiles.FindByKey(personKey);
        var aad = Guid.TryParse(personKey, out _) ? personKey : profile?.AadObjectId;
        return conversations.FindPersonalChat(profile?.TeamsUserId, aad);
    }

    /// <summary>The Teams user id (29:…) when the bot has met the person, for card refresh lists.</summary>
    public string? TeamsUserId(string personKey) => profiles.FindByKey(personKey)?.TeamsUserId;

    /// <summary>
    /// A mention entity and its text, showing the person's name (<see cref="DisplayName"/>); Teams accepts the Entra
    /// object id when the Teams id is unknown. Null for someone known only by email whom the bot has not met: they
    /// cannot be @mentioned, so callers show <see cref="DisplayName"/> as plain text.
    /// </summary>
    public (Entity Entity, string Text)? Mention(string personKey)
    {
        var profile = profiles.FindByKey(personKey);
        var id = profile?.TeamsUserId ?? (Guid.TryParse(personKey, out _) ? personKey : null);
        if (id is null) return null;

        var name = DisplayName(personKey);
        var text = $"<at>{name}</at>";
        var mention = new Mention { Mentioned = new ChannelAccount { Id = id, Name = name }, Text = text };
        return (BotJson.Convert<Entity>(mention)!, text);
    }

    /// <summary>The person's name as cards show it, never an object id (see <see cref="PersonNames"/>).</summary>
    public string DisplayName(string personKey) => names.DisplayName(personKey);

    public Language LanguageOf(string personKey, Language fallback) =>
        LanguageTags.FromLocale(profiles.FindByKey(personKey)?.LastLanguage) ?? fallback;

    public ConversationRecord? Conversation(string? conversationId) =>
        string.IsNullOrWhiteSpace(conversationId) ? null : conversations.Find(conversationId);

    public OrganizationRoles Roles => roster.OrganizationRoles();

    /// <summary>Where the office is told things: its channel when the bot has it, else each member's personal chat; each with its language.</summary>
    public IEnumerable<(ConversationRecord To, Language Language)> Office(Language fallback)
    {
        if (Conversation(Roles.OfficeConversationId) is { } office)
        {
            yield return (office, LanguageTags.FromLocale(office.Locale) ?? fallback);
            yield break;
        }

        foreach (var member in Roles.OfficeMembers)
        {
            if (PersonalChat(member) is { } chat)
                yield return (chat, LanguageOf(member, fallback));
        }
    }
}
