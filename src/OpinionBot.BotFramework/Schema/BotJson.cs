using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpinionBot.BotFramework.Schema;

/// <summary>The JSON conventions of the Bot Framework wire format.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Chinese text goes out as UTF-8, not \uXXXX: a card's size counts against Teams' limits.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            // The wire types from build-time metadata; anything else (cards, values set in code) by reflection.
            TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine(
                BotJsonContext.Default, new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>
    /// One member of a loosely typed object as text (a string, or a number's or bool's JSON); null when absent. A JSON
    /// object off the wire is read in place, not turned into a dictionary first.
    /// </summary>
    public static string? Member(object? value, string name) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } element => element.TryGetProperty(name, out var member)
            ? member.ValueKind switch
            {
                JsonValueKind.String => member.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => member.GetRawText(),
                _ => null,
            }
            : null,
        JsonElement => null,
        _ => Convert<Dictionary<string, object?>>(value)?.GetValueOrDefault(name)?.ToString(),
    };

    /// <summary>Reads a loosely typed value (a <see cref="JsonElement"/> off the wire, or an object set in code) as <typeparamref name="T"/>.</summary>
    public static T? Convert<T>(object? value)
    {
        return value switch
        {
            null => default,
            T typed => typed,
            JsonElement element => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                ? default
                : element.Deserialize<T>(Options),
            _ => JsonSerializer.SerializeToElement(value, Options).Deserialize<T>(Options),
        };
    }
}
