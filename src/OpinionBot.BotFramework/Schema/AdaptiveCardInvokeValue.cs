using System.Text.Json;

namespace OpinionBot.BotFramework.Schema;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke (Universal Actions).</summary>
public sealed class AdaptiveCardInvokeValue
{
    public AdaptiveCardInvokeAction? Action { get; set; }

    /// <summary><c>manual</c> for a press, <c>automatic</c> for a refresh.</summary>
    public string? Trigger { get; set; }

    /// <summary>
    /// Reads an invoke's value, checking its shape first: an object whose <c>action</c> is an object with a string
    /// <c>verb</c> and, when present, object <c>data</c>. Returns the problem instead when it is not.
    /// </summary>
    public static AdaptiveCardInvokeValue? TryRead(object? value, out string? problem)
    {
        var element = value switch
        {
            null => default,
            JsonElement json => json,
            _ => JsonSerializer.SerializeToElement(value, BotJson.Options),
        };
        problem = ShapeProblem(element);
        return problem is null ? element.Deserialize<AdaptiveCardInvokeValue>(BotJson.Options) : null;
    }

    private static string? ShapeProblem(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return "The invoke's value must be an object.";
        if (!TryGet(value, "action", out var action) || action.ValueKind is JsonValueKind.Null)
            return "The invoke's value has no action.";
        if (action.ValueKind != JsonValueKind.Object)
            return "The invoke's value.action must be an object.";
        foreach (var name in new[] { "type", "id", "verb" })
        {
            if (TryGet(action, name, out var text) && text.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                return $"The invoke's value.action.{name} must be a string.";
        }

        if (TryGet(action, "data", out var data) && data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            return "The invoke's value.action.data must be an object.";
        if (TryGet(value, "trigger", out var trigger) && trigger.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            return "The invoke's value.trigger must be a string.";
        return null;
    }

    /// <summary>A property by name, ignoring case as the deserializer does.</summary>
    private static bool TryGet(JsonElement element, string name, out JsonElement found)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                found = property.Value;
                return true;
            }
        }

        found = default;
        return false;
    }
}

public sealed class AdaptiveCardInvokeAction
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Verb { get; set; }
    public object? Data { get; set; }
}
