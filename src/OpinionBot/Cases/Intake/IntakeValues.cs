using System.Globalization;
using System.Text.Json;

namespace OpinionBot.Cases.Intake;

/// <summary>What the officer entered (or what the bot pre-filled), as the card's inputs hold it: strings by input id.</summary>
public sealed class IntakeValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public string this[string field]
    {
        get => _values.GetValueOrDefault(field, "");
        set => _values[field] = value;
    }

    public IReadOnlyDictionary<string, string> All => _values;

    /// <summary>Reads an Action.Execute's <c>data</c>: Teams merges the inputs into it, as strings or numbers.</summary>
    public static IntakeValues FromActionData(object? data)
    {
        var values = new IntakeValues();
        if (data is not JsonElement { ValueKind: JsonValueKind.Object } json)
            return values;

        foreach (var property in json.EnumerateObject())
        {
            values[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => "",
            };
        }

        return values;
    }

    public static string DateText(DateTimeOffset local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeText(DateTimeOffset local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);
}
