namespace OpinionBot.BotFramework.Schema;

/// <summary>A <c>mention</c> entity: who is mentioned and the <c>&lt;at&gt;</c> text that names them.</summary>
public sealed class Mention
{
    public const string EntityType = "mention";

    public string Type { get; set; } = EntityType;
    public ChannelAccount? Mentioned { get; set; }
    public string? Text { get; set; }
}
