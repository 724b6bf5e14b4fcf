using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Delivery;

/// <summary>Where a person on the roster can be reached, how to @mention them, and which language they read.</summary>
public sealed class Recipients(PersonProfileStore profiles, ConversationStore conversations, RosterStore roster)
{
    public ConversationRecord? PersonalChat(string personKey)
    {
        var profile = profiles.FindByKey(personKey);
        var aad = Guid.TryParse(personKey, out _) ? personKey : profile?.AadObjectId;
        return conversations.FindPersonalChat(profile?.TeamsUserId, aad);
    }

    /// <summary>The Teams user id (29:…) when the bot has met the person, for card refresh lists.</summary>
    public string? TeamsUserId(string personKey) => profiles.FindByKey(personKey)?.TeamsUserId;

    /// <summary>A mention entity and its text; Teams accepts the Entra object id when the Teams id is unknown.</summary>
    public (Entity Entity, string Text)? Mention(string personKey)
    {
        var profile = profiles.FindByKey(personKey);
        var id = profile?.TeamsUserId ?? (Guid.TryParse(personKey, out _) ? personKey : null);
        if (id is null) return null;

        var name = string.IsNullOrWhiteSpace(profile?.Name) ? personKey : profile!.Name;
        var text = $"<at>{name}</at>";
        var mention = new Mention { Mentioned = new ChannelAccount { Id = id, Name = name }, Text = text };
        return (BotJson.Convert<Entity>(mention)!, text);
    }

    public string DisplayName(string personKey) => profiles.FindByKey(personKey) is { Name.Length: > 0 } p ? p.Name : personKey;

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
