using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Cards;

/// <summary>An Adaptive Card (schema 1.5, the highest Teams renders for bots) built as JSON.</summary>
public sealed class AdaptiveCard
{
    public const string Version = "1.5";

    /// <summary>Teams' limit for a channel post; every card stays below it.</summary>
    public const int MaxBytes = 28 * 1024;

    private readonly JsonArray _body = [];
    private readonly JsonArray _actions = [];
    private readonly JsonObject _extra = [];

    public AdaptiveCard Add(params JsonObject[] elements)
    {
        foreach (var element in elements) _body.Add(element);
        return this;
    }

    /// <summary>Puts an element above the body, e.g. a note on what just happened.</summary>
    public AdaptiveCard Prepend(JsonObject element)
    {
        _body.Insert(0, element);
        return this;
    }

    public AdaptiveCard AddAction(JsonObject action)
    {
        _actions.Add(action);
        return this;
    }

    /// <summary>Sets a top-level card property such as <c>refresh</c> or <c>msteams</c>.</summary>
    public AdaptiveCard With(string property, JsonNode value)
    {
        _extra[property] = value;
        return this;
    }

    public JsonObject ToJson()
    {
        var card = Assembled();
        CheckSize(Written(card.WriteTo).WrittenCount);
        return card;
    }

    /// <summary>The card as one object, its parts copied into it.</summary>
    private JsonObject Assembled()
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0) card["actions"] = _actions.DeepClone();
        foreach (var (name, value) in _extra) card[name] = value?.DeepClone();
        return card;
    }

    /// <summary>
    /// The card as an attachment. Its JSON is written once, straight from the card's parts (the same text as
    /// <see cref="ToJson"/> gives, without copying the parts first), measured, and read into the attachment's content.
    /// </summary>
    public Attachment ToAttachment()
    {
        var buffer = Written(WriteTo);
        CheckSize(buffer.WrittenCount);
        return new Attachment { ContentType = AttachmentContentTypes.AdaptiveCard, Content = JsonElement.Parse(buffer.WrittenSpan) };
    }

    private const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";

    private static readonly string[] OwnProperties = ["type", "$schema", "version", "body", "actions"];

    private void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        // An extra property that takes the name of one of the card's own would replace it in place: ToJson does that.
        if (_extra.Any(e => OwnProperties.Contains(e.Key)))
        {
            Assembled().WriteTo(writer, options);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("type", "AdaptiveCard");
        writer.WriteString("$schema", Schema);
        writer.WriteString("version", Version);
        writer.WritePropertyName("body");
        _body.WriteTo(writer, options);
        if (_actions.Count > 0)
        {
            writer.WritePropertyName("actions");
            _actions.WriteTo(writer, options);
        }

        foreach (var (name, value) in _extra)
        {
            writer.WritePropertyName(name);
            if (value is null)
                writer.WriteNullValue();
            else
                value.WriteTo(writer, options);
        }

        writer.WriteEndObject();
    }

    private static void CheckSize(int size)
    {
        if (size > MaxBytes)
            throw new InvalidOperationException($"The card is {size} bytes; Teams accepts at most {MaxBytes}.");
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_written;

    /// <summary>The card as UTF-8 JSON in a buffer this thread reuses (valid until the thread's next card).</summary>
    private static ArrayBufferWriter<byte> Written(Action<Utf8JsonWriter, JsonSerializerOptions> write)
    {
        var buffer = t_written ??= new ArrayBufferWriter<byte>(MaxBytes);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BotJson.Options.Encoder }))
            write(writer, BotJson.Options);
        return buffer;
    }

    public Activity ToActivity(string? summary = null) => ToActivity(ToAttachment(), summary);

    /// <summary>A message carrying a card already made (its JSON is immutable, so one attachment may go out many times).</summary>
    public static Activity ToActivity(Attachment card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [card],
    };
}
