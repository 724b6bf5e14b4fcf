using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpinionBot.BotFramework.Schema;

/// <summary>A Bot Framework activity. Fields this layer does not model are kept in <see cref="Properties"/> so nothing is lost.</summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Summary { get; set; }
    public List<Attachment>? Attachments { get; set; }
    public List<Entity>? Entities { get; set; }
    public object? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Name { get; set; }
    public object? Value { get; set; }
    public string? ValueType { get; set; }
    public string? CallerId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public static Activity CreateMessageActivity(string? text = null) => new() { Type = ActivityTypes.Message, Text = text };

    public T? GetChannelData<T>() => BotJson.Convert<T>(ChannelData);

    public T? GetValue<T>() => BotJson.Convert<T>(Value);

    public IReadOnlyList<Mention> GetMentions() =>
        Entities?
            .Where(e => string.Equals(e.Type, Mention.EntityType, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.GetAs<Mention>())
            .OfType<Mention>()
            .ToList()
        ?? [];

    /// <summary>The Teams tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    public string? GetTenantId()
    {
        TeamsChannelData? data = null;
        if (ChannelData is not null)
        {
            try { data = GetChannelData<TeamsChannelData>(); }
            catch (JsonException) { }
        }

        return data?.Tenant?.Id ?? Conversation?.TenantId;
    }

    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Type == ActivityTypes.ConversationUpdate ? null : Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        Locale = Locale,
        ServiceUrl = ServiceUrl,
    };

    /// <summary>Addresses this activity as a reply within <paramref name="reference"/>'s conversation.</summary>
    public Activity ApplyConversationReference(ConversationReference reference, bool isIncoming = false)
    {
        ChannelId = reference.ChannelId;
        ServiceUrl = reference.ServiceUrl;
        Conversation = reference.Conversation;
        Locale ??= reference.Locale;
        if (isIncoming)
        {
            From = reference.User;
            Recipient = reference.Bot;
            Id = reference.ActivityId ?? Id;
        }
        else
        {
            From = reference.Bot;
            Recipient = reference.User;
            ReplyToId ??= reference.ActivityId;
        }

        return this;
    }
}
