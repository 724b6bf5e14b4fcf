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
