using System.Text.Json;
using System.Text.RegularExpressions;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>Cases plus the people who decide on them, each with a personal chat the bot has seen.</summary>
public abstract class ApprovalTestBase : CaseTestBase
{
    public static readonly object Leader = TeamsActivities.User("29:leader", name: "Wang Qiang");
    public static readonly object Principal = TeamsActivities.User("29:principal", name: "Zhao Min");
    public static readonly object Office = TeamsActivities.User(TestRoster.OfficeTeamsId, name: "Chen Jie");
    public const string LeaderChat = "a:leader-chat";
    public const string PrincipalChat = "a:principal-chat";

    /// <summary>The person talks to the bot once in their personal chat, so the bot knows them and can reach them.</summary>
    protected async Task MeetAsync(object person, string email, string chatId)
    {
        var id = (string)person.GetType().GetProperty("id")!.GetValue(person)!;
        Connector.MemberEmails[id] = email;
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", conversationId: chatId, from: person, locale: "zh-CN"));
        await Bot.DeliverOutboxAsync();
    }

    /// <summary>The office posts in its channel (with the bot @mentioned), so the bot records that channel.</summary>
    protected async Task RecordOfficeChannelAsync()
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", "channel", TestRoster.OfficeChannel, "zh-CN", mentionBot: true, from: Office));
        await Bot.DeliverOutboxAsync();
    }

    protected IReadOnlyList<ConnectorCall> SentTo(string conversationId) =>
        Connector.ActivityCalls.Where(c => c.Method == "POST" && c.Path == $"/v3/conversations/{conversationId}/activities").ToList();

    protected IReadOnlyList<ConnectorCall> UpdatesIn(string conversationId) =>
        Connector.ActivityCalls.Where(c => c.Method == "PUT" && c.Path.StartsWith($"/v3/conversations/{conversationId}/activities/", StringComparison.Ordinal)).ToList();

    /// <summary>The data of the button with <paramref name="verb"/> on a card, as Teams would send it back, plus the entered inputs.</summary>
    protected static Dictionary<string, object?> ButtonData(JsonElement card, string verb, params (string Key, string Value)[] inputs)
    {
        var action = FindAction(card, verb) ?? throw new Xunit.Sdk.XunitException($"no button {verb} on the card: {card}");
        var data = JsonSerializer.Deserialize<Dictionary<string, object?>>(action.GetProperty("data").GetRawText())!;
        foreach (var (key, value) in inputs) data[key] = value;
        return data;
    }

    protected static JsonElement? FindAction(JsonElement node, string verb)
    {
        if (node.ValueKind == JsonValueKind.Object)
        {
            if (node.TryGetProperty("verb", out var v) && v.GetString() == verb && node.GetProperty("type").GetString() == "Action.Execute")
                return node;
            foreach (var property in node.EnumerateObject())
                if (FindAction(property.Value, verb) is { } found) return found;
        }
        else if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
                if (FindAction(item, verb) is { } found) return found;
        }

        return null;
    }

    protected async Task<JsonElement> PressAsync(object who, string verb, Dictionary<string, object?> data)
    {
        var response = await Bot.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, verb, data, who));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await Bot.DeliverOutboxAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    protected string CaseState(string number) => Database.GetCollection("cases").FindById(number)["State"].AsString;

    protected int EventCount(string number, string kind) =>
        Database.GetCollection("case_events").Count(LiteDB.Query.And(LiteDB.Query.EQ("CaseNumber", number), LiteDB.Query.EQ("Kind", kind)));

    protected static string Text(JsonElement element) => Regex.Unescape(element.GetRawText());
}
