namespace OpinionBot.Testing;

/// <summary>Teams-shaped activities as the channel (or the Agents Playground) sends them.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:bot-app-id";
    public const string BotName = "OpinionBot";
    public const string TenantId = "tenant-1";

    public static object User(string id, string? aadObjectId = null, string name = "Li Lei") => new { id, name, aadObjectId };

    public static readonly object Officer = User("29:user-1", "00000000-0000-0000-0000-0000000000a1");

    public static Dictionary<string, object?> Message(string serviceUrl, string text, string conversationType = "personal",
        string conversationId = "a:personal-1", string locale = "en-US", bool mentionBot = false, string? id = null, object? from = null)
    {
        var activity = Base("message", serviceUrl, conversationType, conversationId, locale, id, from);
        activity["text"] = mentionBot ? $"<at>{BotName}</at> {text}" : text;
        activity["textFormat"] = "plain";
        if (mentionBot)
        {
            activity["entities"] = new object[]
            {
                new { type = "mention", mentioned = new { id = BotId, name = BotName }, text = $"<at>{BotName}</at>" },
            };
        }

        return activity;
    }

    public static Dictionary<string, object?> Invoke(string serviceUrl, string name, object value, string conversationId = "a:personal-1", object? from = null)
    {
        var activity = Base("invoke", serviceUrl, "personal", conversationId, "en-US", null, from);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    /// <summary>An Action.Execute press on a card button.</summary>
    public static Dictionary<string, object?> CardAction(string serviceUrl, string verb, object data, object? from = null) =>
        Invoke(serviceUrl, "adaptiveCard/action", new { action = new { type = "Action.Execute", id = "submit", verb, data }, trigger = "manual" }, from: from);

    public static Dictionary<string, object?> Base(string type, string serviceUrl, string conversationType, string conversationId, string locale, string? id, object? from = null) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-23T02:00:00Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = from ?? Officer,
        ["recipient"] = new { id = BotId, name = BotName },
        ["conversation"] = new { id = conversationId, conversationType, tenantId = TenantId, isGroup = conversationType != "personal" },
        ["channelData"] = new { tenant = new { id = TenantId } },
        ["locale"] = locale,
    };
}
