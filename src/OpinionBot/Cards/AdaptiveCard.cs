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
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = _body.DeepClone(),
        };
        if (_actions.Count > 0) card["actions"] = _actions.DeepClone();
        foreach (var (name, value) in _extra) card[name] = value?.DeepClone();

        var size = Utf8Size(card);
        if (size > MaxBytes)
            throw new InvalidOperationException($"The card is {size} bytes; Teams accepts at most {MaxBytes}.");
        return card;
    }

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_measured;

    /// <summary>The card's size as UTF-8 JSON, written into a buffer this thread reuses (no text made, nothing kept).</summary>
    private static int Utf8Size(JsonObject card)
    {
        var buffer = t_measured ??= new ArrayBufferWriter<byte>(MaxBytes);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = BotJson.Options.Encoder }))
            card.WriteTo(writer, BotJson.Options);
        return buffer.WrittenCount;
    }

    public Attachment ToAttachment() => new()
    {
        ContentType = AttachmentContentTypes.AdaptiveCard,
        Content = JsonSerializer.SerializeToElement(ToJson(), BotJson.Options),
    };

    public Activity ToActivity(string? summary = null) => ToActivity(ToAttachment(), summary);

    /// <summary>A message carrying a card already made (its JSON is immutable, so one attachment may go out many times).</summary>
    public static Activity ToActivity(Attachment card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [card],
    };
}
