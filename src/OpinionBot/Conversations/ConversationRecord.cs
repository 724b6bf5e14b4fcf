using LiteDB;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Conversations;

/// <summary>A conversation the bot has seen, kept so later features can message it proactively.</summary>
public sealed record ConversationRecord
{
    /// <summary>The conversation id as Teams sends it (for a channel thread it carries <c>;messageid=</c>).</summary>
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>The conversation without a thread suffix: the channel, group chat or personal chat itself.</summary>
    public string BaseId { get; set; } = "";
    public string ConversationType { get; set; } = "";
    public string ServiceUrl { get; set; } = "";
    public string ChannelId { get; set; } = "";
    public string? TenantId { get; set; }
    public string? TeamId { get; set; }
    public string? TeamsChannelId { get; set; }
    public string? Name { get; set; }
    public string BotId { get; set; } = "";
    public string? BotName { get; set; }

    /// <summary>For a personal chat: the user it is with.</summary>
    public string? UserId { get; set; }
    public string? UserAadObjectId { get; set; }
    /// <summary>
    /// The language people type here (zh-CN or en-US), learned from their messages only; null until someone has typed
    /// in it, and then proactive messages use the organisation's default.
    /// </summary>
    public string? Locale { get; set; }

    /// <summary>Set once <see cref="Locale"/> comes from a typed message (older records took it from any activity's locale).</summary>
    public bool LocaleTyped { get; set; }
    public bool Installed { get; set; } = true;
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }

    public ConversationReference ToReference() => new()
    {
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        Bot = new ChannelAccount { Id = BotId, Name = BotName },
        User = UserId is null ? null : new ChannelAccount { Id = UserId, AadObjectId = UserAadObjectId },
        Conversation = new ConversationAccount { Id = BaseId, ConversationType = ConversationType, TenantId = TenantId, IsGroup = ConversationType != ConversationTypes.Personal },
        Locale = Locale,
    };

    public static string BaseOf(string conversationId)
    {
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? conversationId : conversationId[..thread];
    }
}
