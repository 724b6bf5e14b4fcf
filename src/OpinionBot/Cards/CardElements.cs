using System.Text.Json.Nodes;

namespace OpinionBot.Cards;

/// <summary>The Adaptive Card elements the bot uses, with Teams-friendly defaults.</summary>
public static class CardElements
{
    public static JsonObject Heading(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["size"] = "Large",
        ["weight"] = "Bolder",
        ["wrap"] = true,
        ["style"] = "heading",
    };

    public static JsonObject Text(string text, bool subtle = false, bool bold = false)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (subtle) block["isSubtle"] = true;
        if (bold) block["weight"] = "Bolder";
        return block;
    }

    public static JsonObject Attention(string text) => new()
    {
        ["type"] = "TextBlock",
        ["text"] = text,
        ["wrap"] = true,
        ["color"] = "Attention",
        ["weight"] = "Bolder",
    };

    public static JsonObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JsonArray(facts.Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value }).ToArray()),
    };

    public static JsonObject Submit(string title, JsonObject data) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = data,
    };

    public static JsonObject Execute(string title, string verb, JsonObject data) => new()
    {
        ["type"] = "Action.Execute",
        ["title"] = title,
        ["verb"] = verb,
        ["data"] = data,
    };
}
