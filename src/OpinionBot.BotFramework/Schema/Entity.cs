using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpinionBot.BotFramework.Schema;

/// <summary>An activity entity; its fields beyond <c>type</c> stay as JSON.</summary>
public class Entity
{
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Properties { get; set; }

    public T? GetAs<T>() where T : class
    {
        var json = JsonSerializer.SerializeToElement(this, BotJson.Options);
        return json.Deserialize<T>(BotJson.Options);
    }
}
