using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpinionBot.BotFramework.Schema;

/// <summary>A user or bot on a channel (<c>from</c>, <c>recipient</c>, members).</summary>
public class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}
