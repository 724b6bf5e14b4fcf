using System.Text.Json.Nodes;

namespace OpinionBot.Cards;

/// <summary>Adaptive Card inputs with a label, the entered value and, when required, the client-side error message.</summary>
public static class CardInputs
{
    public static JsonObject Text(string id, string label, string value, int maxLength, bool multiline = false, bool required = false, string? errorMessage = null, string? placeholder = null)
    {
        var input = Input("Input.Text", id, label, value, required, errorMessage);
        input["maxLength"] = maxLength;
        if (multiline) input["isMultiline"] = true;
        if (placeholder is not null) input["placeholder"] = placeholder;
        return input;
    }

    public static JsonObject Choice(string id, string label, string value, IEnumerable<(string Value, string Title)> choices, bool required = false, string? errorMessage = null, bool multiSelect = false)
    {
        var input = Input("Input.ChoiceSet", id, label, value, required, errorMessage);
        input["choices"] = new JsonArray(choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value }).ToArray());
        if (multiSelect)
        {
            input["isMultiSelect"] = true;
            input["style"] = "expanded";
        }
        else
        {
            input["style"] = "compact";
        }

        return input;
    }

    public static JsonObject Date(string id, string label, string value, bool required = false, string? errorMessage = null) =>
        Input("Input.Date", id, label, value, required, errorMessage);

    public static JsonObject Time(string id, string label, string value, bool required = false, string? errorMessage = null) =>
        Input("Input.Time", id, label, value, required, errorMessage);

    public static JsonObject Number(string id, string label, string value)
    {
        var input = Input("Input.Number", id, label, "", required: false, errorMessage: null);
        input.Remove("value");
        if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number)) input["value"] = number;
        input["min"] = 0;
        return input;
    }

    private static JsonObject Input(string type, string id, string label, string value, bool required, string? errorMessage)
    {
        var input = new JsonObject { ["type"] = type, ["id"] = id, ["label"] = label };
        if (value.Length > 0) input["value"] = value;
        if (required)
        {
            input["isRequired"] = true;
            input["errorMessage"] = errorMessage ?? label;
        }

        return input;
    }
}
