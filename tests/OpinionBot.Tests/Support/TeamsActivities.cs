namespace OpinionBot.Tests.Support;

/// <summary>Teams-shaped activities as the channel (or the Agents Playground) sends them.</summary>
public static class TeamsActivities
{
    public const string BotId = "28:bot-app-id";
    public const string BotName = "OpinionBot";
    public const string TenantId = "tenant-1";

    public static Dictionary<string, object?> Message(string serviceUrl, string text, string conversationType = "personal",
        string conversationId = "a:personal-1", string locale = "en-US", bool mentionBot = false, string? id = null)
    {
        var activity = Base("message", serviceUrl, conversationType, conversationId, locale, id);
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

    public static Dictionary<string, object?> Invoke(string serviceUrl, string name, object value, string conversationId = "a:personal-1")
    {
        var activity = Base("invoke", serviceUrl, "personal", conversationId, "en-US", null);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    public static Dictionary<string, object?> Base(string type, string serviceUrl, string conversationType, string conversationId, string locale, string? id) => new()
    {
        ["type"] = type,
        ["id"] = id ?? Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-23T02:00:00Z",
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "msteams",
        ["from"] = new { id = "29:user-1", name = "Li Lei", aadObjectId = "00000000-0000-0000-0000-0000000000a1" },
        ["recipient"] = new { id = BotId, name = BotName },
        ["conversation"] = new { id = conversationId, conversationType, tenantId = TenantId, isGroup = conversationType != "personal" },
        ["channelData"] = new { tenant = new { id = TenantId } },
        ["locale"] = locale,
    };
}
