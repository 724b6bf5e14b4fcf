using System.Text.Json;
using System.Text.Json.Serialization;
using LiteDB;

namespace OpinionBot.Storage.PostgreSql;

/// <summary>How documents are kept in <c>jsonb</c>: property names as in C#, enums by name, computed (get-only) properties left out.</summary>
public static class PostgresJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter(), new ObjectIdConverter() },
    };

    /// <summary>LiteDB's <see cref="ObjectId"/> (the id of timeline events and approval requests) as its 24-digit hex string.</summary>
    private sealed class ObjectIdConverter : JsonConverter<ObjectId>
    {
        public override ObjectId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? throw new JsonException("An ObjectId must be a string."));

        public override void Write(Utf8JsonWriter writer, ObjectId value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
