using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;

namespace OpinionBot.Conversations;

/// <summary>
/// Records every conversation the bot sees, and installs and removals, as a reference for proactive messages.
/// A personal chat is recorded only for people on the roster (the caller decides). The first time the bot is in a
/// conversation (or back after a removal) its id is logged once, for the settings that name conversations.
/// </summary>
public sealed class ConversationRecorder(IConversationStore store, TimeProvider time, ILogger<ConversationRecorder> logger)
{
    /// <param name="activity">Any activity of the conversation: a message, an invoke, a conversation or installation update.</param>
    /// <param name="installed">False when the activity says the bot was removed.</param>
    /// <param name="typed">
    /// The language of a message someone typed (<see cref="TypedLanguage"/>): only this teaches the
    /// conversation its language. System events and button presses carry the client's locale, not a language anyone
    /// used there, so they leave it as it was.
    /// </param>
    public void Record(Activity activity, bool installed = true, Language? typed = null)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId) || string.IsNullOrEmpty(activity.ServiceUrl)) return;

        var data = SafeChannelData(activity);
        var now = time.GetUtcNow();
        var baseId = ConversationRecord.BaseOf(conversationId);
        var existing = store.Find(baseId);
        var record = existing ?? new ConversationRecord { Id = baseId, FirstSeen = now };
        var before = existing is null ? null : existing with { LastSeen = default };
        var type = activity.Conversation!.ConversationType ?? (activity.Conversation.IsGroup == true ? ConversationTypes.GroupChat : ConversationTypes.Personal);

        record.BaseId = baseId;
        record.ConversationType = type;
        record.ServiceUrl = activity.ServiceUrl;
        record.ChannelId = activity.ChannelId ?? "msteams";
        record.TenantId = activity.GetTenantId() ?? record.TenantId;
        record.TeamId = data?.Team?.Id ?? record.TeamId;
        record.TeamsChannelId = data?.Channel?.Id ?? record.TeamsChannelId;
        record.Name = data?.Channel?.Name ?? data?.Team?.Name ?? activity.Conversation.Name ?? record.Name;
        record.BotId = activity.Recipient?.Id ?? record.BotId;
        record.BotName = activity.Recipient?.Name ?? record.BotName;
        if (type == ConversationTypes.Personal && activity.From?.Id is { } userId && userId != activity.Recipient?.Id)
        {
            record.UserId = userId;
            record.UserAadObjectId = activity.From.AadObjectId?.ToLowerInvariant() ?? record.UserAadObjectId;
        }

        if (typed is { } language)
        {
            record.Locale = language.Tag();
            record.LocaleTyped = true;
        }

        record.Installed = installed;
        // Each save is a disk flush: an unchanged conversation is saved again only to move LastSeen on, at most hourly.
        if (before == record with { LastSeen = default } && now - record.LastSeen < TimeSpan.FromHours(1))
            return;
        record.LastSeen = now;
        store.Save(record);
        if (installed && existing?.Installed != true)
            logger.LogInformation(
                "Installed in {ConversationType} conversation {ConversationId} ({Name}) of tenant {TenantId}: use this id for Organization:Office:ConversationId or a unit's ApprovalConversationId",
                record.ConversationType, baseId, record.Name ?? "no name", record.TenantId ?? "unknown");
    }

    private static TeamsChannelData? SafeChannelData(Activity activity)
    {
        try { return activity.GetChannelData<TeamsChannelData>(); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
