using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Cases;
using OpinionBot.Procedure;
using OpinionBot.Records.Files;
using OpinionBot.Roster;
using OpinionBot.Tests.Integration;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Records;

/// <summary>The service with downloads configured (links on <c>http://localhost</c>, the test client's own address).</summary>
public abstract class RecordsTestBase : ApprovalTestBase
{
    public const string OfficeChat = "a:office-chat";
    public static readonly object Stranger = TeamsActivities.User("29:stranger", name: "Nobody");
    public static readonly object EducationOfficer = TeamsActivities.User(TestRoster.OfficerByEmailTeamsId, name: "Chen Jing");

    protected override Dictionary<string, string?> ExtraSettings => new() { ["Bot:PublicUrl"] = "http://localhost" };

    protected DownloadLinks Links => Bot.Services.GetRequiredService<DownloadLinks>();

    /// <summary>The office says <paramref name="text"/> in its personal chat.</summary>
    protected Task<ConnectorCall> OfficeSaysAsync(string text, string locale = "zh-CN")
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        return SayAsync(text, Office, locale: locale);
    }

    /// <summary>The one Action.OpenUrl of a card (or an invoke's answer).</summary>
    protected static Uri DownloadUrl(JsonElement card)
    {
        var urls = new List<string>();
        void Walk(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("type", out var type) && type.GetString() == "Action.OpenUrl") urls.Add(node.GetProperty("url").GetString()!);
                foreach (var property in node.EnumerateObject()) Walk(property.Value);
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray()) Walk(item);
            }
        }

        Walk(card);
        return new Uri(Assert.Single(urls));
    }

    protected async Task<HttpResponseMessage> GetAsync(Uri url)
    {
        Assert.Equal("localhost", url.Host);
        return await Bot.CreateClient().GetAsync(url.PathAndQuery);
    }

    protected async Task<byte[]> DownloadAsync(Uri url)
    {
        using var response = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The supervising leader approves the case (straight through the store, as the approval card would).</summary>
    protected void Approve(string number)
    {
        var leader = new Actor(TestRoster.LeaderEmail, "29:leader", "Wang Qiang", [], [TestRoster.Unit1], [], false, false, false);
        var result = Bot.Services.GetRequiredService<CaseProcedure>().Apply(number, leader, new CaseCommand(CaseAction.Approve), $"test-approve:{number}");
        Assert.True(result.Decision.Allowed, result.Decision.RefusalKey);
    }

    protected IReadOnlyList<CaseEvent> Timeline(string number) => Bot.Services.GetRequiredService<ICaseStore>().Timeline(number);

    protected Dictionary<string, object?> MessageWithImage(string text, string fileId, string name = "screenshot.png")
    {
        var message = TeamsActivities.Message(Connector.ServiceUrl, text, locale: "zh-CN");
        message["attachments"] = new object[]
        {
            new { contentType = "image/png", contentUrl = $"{Connector.ServiceUrl}v3/attachments/{fileId}/views/original", name },
        };
        return message;
    }
}
