using System.Text.Json;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Integration;

/// <summary>Cards and notices name people by their roster name (Organization:People), never by an object id.</summary>
public sealed class PersonNameTests : ApprovalTestBase
{
    private const string ApprovalChat = "19:approvals@thread.tacv2";
    private const string LeaderObjectId = "a0000000-0000-4000-8000-0000000000b1";

    [Fact]
    public async Task A_never_met_leader_written_by_object_id_is_mentioned_by_their_roster_name()
    {
        await using var bot = await StartAsync(new()
        {
            ["Organization:Units:0:SupervisingLeaders:0"] = LeaderObjectId,
            ["Organization:Units:0:ApprovalConversationId"] = ApprovalChat,
            ["Organization:People:0:Id"] = LeaderObjectId.ToUpperInvariant(),
            ["Organization:People:0:Name"] = "王强",
        }, ApprovalChat);

        await ReportWithAsync(bot);

        var posted = Assert.Single(SentTo(ApprovalChat));
        var mention = posted.Card.GetProperty("msteams").GetProperty("entities")[0];
        Assert.Equal(LeaderObjectId, mention.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("<at>王强</at>", mention.GetProperty("text").GetString());
        Assert.Equal("<at>王强</at> 请审核此事件。", posted.Card.GetProperty("body")[0].GetProperty("text").GetString());
        Assert.DoesNotContain(LeaderObjectId, posted.Card.GetProperty("body").GetRawText());
    }

    [Fact]
    public async Task A_never_met_leader_known_only_by_email_is_named_in_plain_text_without_a_mention()
    {
        await using var bot = await StartAsync(new()
        {
            ["Organization:Units:0:ApprovalConversationId"] = ApprovalChat,
            ["Organization:People:0:Id"] = TestRoster.LeaderEmail,
            ["Organization:People:0:Name"] = "王强",
        }, ApprovalChat);

        await ReportWithAsync(bot);

        var posted = Assert.Single(SentTo(ApprovalChat));
        Assert.False(posted.Card.TryGetProperty("msteams", out _));
        Assert.Equal("王强 请审核此事件。", posted.Card.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_office_hears_who_could_not_be_reached_by_name_and_an_unnamed_object_id_is_never_shown()
    {
        await using var bot = await StartAsync(new()
        {
            ["Organization:Units:0:SupervisingLeaders:0"] = LeaderObjectId,
            ["Organization:Units:0:SupervisingLeaders:1"] = TestRoster.LeaderEmail,
            ["Organization:People:0:Id"] = TestRoster.LeaderEmail,
            ["Organization:People:0:Name"] = "王强",
        }, TestRoster.OfficeChannel);

        await ReportWithAsync(bot);

        var notice = SentTo(TestRoster.OfficeChannel).Select(c => c.Text).OfType<string>().Single(t => t.Contains("无法送达"));
        Assert.Contains("（名册未登记姓名）, 王强", notice);
        Assert.DoesNotContain(LeaderObjectId, notice);
    }

    /// <summary>A service with the test roster plus <paramref name="extra"/>, which has recorded <paramref name="conversation"/> (the office posts there).</summary>
    private async Task<BotApplication> StartAsync(Dictionary<string, string?> extra, string? conversation)
    {
        var bot = new BotApplication(TestRoster.Settings(extra));
        if (conversation is not null)
        {
            Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
            await bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", "channel", conversation, "zh-CN", mentionBot: true, from: Office));
            await bot.DeliverOutboxAsync();
        }

        return bot;
    }

    private async Task ReportWithAsync(BotApplication bot)
    {
        var response = await bot.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", IntakeSubmission.Valid()));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await bot.DeliverOutboxAsync();
        Assert.Contains("已登记为事件", Text(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement));
    }
}
