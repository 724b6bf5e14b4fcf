using LiteDB;
using OpinionBot.Briefings;
using OpinionBot.Testing;
using OpinionBot.Tests.Integration;

namespace OpinionBot.Tests.Briefings;

/// <summary><c>subscribe briefing</c>/<c>订阅简报</c> and <c>unsubscribe</c>/<c>取消订阅</c> through POST /api/messages.</summary>
public sealed class BriefingSubscriptionTests : ApprovalTestBase
{
    public const string Thread = TestRoster.OfficeChannel + ";messageid=1763860000000";

    /// <summary>Says <paramref name="text"/> in a shared conversation with the bot @mentioned; returns the reply's text.</summary>
    internal static async Task<string?> SayInChannelAsync(Support.BotApplication bot, FakeBotConnector connector, string text, object from,
        string conversationId = Thread, string type = "channel", string locale = "zh-CN")
    {
        var before = connector.ActivityCalls.Count;
        var message = TeamsActivities.Message(connector.ServiceUrl, text, type, conversationId, locale, mentionBot: true, from: from);
        var response = await bot.PostActivityAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await bot.DeliverOutboxAsync();
        return (await connector.WaitForReplyAsync((string)message["id"]!, before)).Text;
    }

    private ILiteCollection<BsonDocument> Subscriptions => Database.GetCollection("briefing_subscriptions");

    [Fact]
    public async Task The_office_subscribes_its_channel_once_by_base_id_and_unsubscribes_it()
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;

        Assert.Equal("订阅成功：本会话将收到每日简报和每周汇总。发送“取消订阅”即可停止。", await SayInChannelAsync(Bot, Connector, "订阅简报", Office));
        Assert.Equal(TestRoster.OfficeChannel, Assert.Single(Subscriptions.FindAll())["_id"].AsString);

        Assert.Equal("This conversation is already subscribed to the briefings.", await SayInChannelAsync(Bot, Connector, "subscribe briefing", Office, locale: "en-US"));
        Assert.Single(Subscriptions.FindAll());

        Assert.Equal("已取消订阅：本会话将不再收到简报。", await SayInChannelAsync(Bot, Connector, "取消订阅", Office));
        Assert.Empty(Subscriptions.FindAll());
        Assert.Equal("This conversation is not subscribed to the briefings.", await SayInChannelAsync(Bot, Connector, "unsubscribe", Office, locale: "en-US"));
    }

    [Fact]
    public async Task A_leader_subscribes_a_group_chat_with_the_bare_word()
    {
        Connector.MemberEmails["29:leader"] = TestRoster.LeaderEmail;
        Assert.Equal("Subscribed: this conversation will receive the daily briefing and the weekly summary. Say \"unsubscribe\" to stop.",
            await SayInChannelAsync(Bot, Connector, "subscribe", Leader, "19:group@thread.v2", "groupChat", "en-US"));
        Assert.Equal("19:group@thread.v2", Assert.Single(Subscriptions.FindAll())["_id"].AsString);
    }

    [Fact]
    public async Task A_plain_officer_is_refused_and_nothing_is_subscribed()
    {
        Assert.Equal("仅舆情办、管理员、领导小组组长和领导可以为会话订阅或取消订阅简报。", await SayInChannelAsync(Bot, Connector, "订阅简报", TeamsActivities.Officer));
        Assert.Empty(Subscriptions.FindAll());
    }

    [Fact]
    public async Task In_a_personal_chat_the_answer_says_briefings_are_for_channels_and_group_chats()
    {
        await MeetAsync(Office, TestRoster.OfficeEmail, "a:office-chat");
        var reply = await SayAsync("subscribe briefing", Office, locale: "en-US");
        Assert.Equal("Briefings go to channels and group chats: @mention me there with \"subscribe briefing\" or \"unsubscribe\".", reply.Text);
        Assert.Empty(Subscriptions.FindAll());
    }

    [Fact]
    public async Task Stats_answers_with_this_weeks_figures_and_refuses_a_plain_officer()
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        var before = Connector.ActivityCalls.Count;
        var message = TeamsActivities.Message(Connector.ServiceUrl, "统计", "channel", Thread, "zh-CN", mentionBot: true, from: Office);
        await Bot.PostActivityAsync(message);
        var reply = await Connector.WaitForReplyAsync((string)message["id"]!, before);
        Assert.Contains("本周截至目前 — 2026-11-23 至 2026-11-23", reply.CardJson);
        var attachments = reply.Body!.Value.GetProperty("attachments");
        Assert.Equal("image/png", attachments[1].GetProperty("contentType").GetString());
        Assert.StartsWith("data:image/png;base64,", attachments[1].GetProperty("contentUrl").GetString());

        Assert.Equal("仅舆情办、管理员、领导小组组长和领导可以查看统计。", await SayInChannelAsync(Bot, Connector, "统计", TeamsActivities.Officer));
    }
}
