namespace OpinionBot.BotFramework.Schema;

/// <summary>Body of <c>POST v3/conversations</c>.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public List<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public object? ChannelData { get; set; }
}
