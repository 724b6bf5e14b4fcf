using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpinionBot.BotFramework.Schema;

/// <summary>The Teams part of <c>channelData</c>.</summary>
public sealed class TeamsChannelData
{
    public TeamsIdName? Tenant { get; set; }
    public TeamsIdName? Team { get; set; }
    public TeamsIdName? Channel { get; set; }
    public string? EventType { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TeamsIdName
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}
