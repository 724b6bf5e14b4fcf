using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpinionBot.Conversations;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary><c>whereami</c> / <c>本群信息</c> gives admins and the office the ids the settings need; installs are logged once.</summary>
public sealed class WhereAmITests : CaseTestBase
{
    private const string AdminTeamsId = "29:admin";
    private const string GroupChat = "19:press-office@thread.v2";
    private readonly ListLogger<ConversationRecorder> _log = new();

    private async Task<ConnectorCall> AskAsync(string text, object from, string conversationType, string conversationId, object? channelData = null)
    {
        var before = Connector.ActivityCalls.Count;
        var message = TeamsActivities.Message(Connector.ServiceUrl, text, conversationType, conversationId, "en-US", mentionBot: conversationType != "personal", from: from);
        if (channelData is not null)
            message["channelData"] = channelData;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Bot.PostActivityAsync(message)).StatusCode);
        return await Connector.WaitForReplyAsync((string)message["id"]!, before);
    }

    [Fact]
    public async Task An_admin_in_a_group_chat_gets_its_id_type_service_url_and_tenant()
    {
        Connector.MemberEmails[AdminTeamsId] = TestRoster.Admin;

        var reply = await AskAsync("whereami", TeamsActivities.User(AdminTeamsId, name: "Admin"), "groupChat", GroupChat);

        Assert.Contains($"`{GroupChat}`", reply.Text);
        Assert.Contains("groupChat", reply.Text);
        Assert.Contains($"`{Connector.ServiceUrl}`", reply.Text);
        Assert.Contains($"`{TeamsActivities.TenantId}`", reply.Text);
        Assert.Contains("Organization:Office:ConversationId", reply.Text);
    }

    [Fact]
    public async Task The_office_in_a_channel_thread_gets_the_channel_id_without_the_thread_and_the_team_in_chinese()
    {
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        var channelData = new
        {
            tenant = new { id = TeamsActivities.TenantId },
            team = new { id = "19:team@thread.tacv2", name = "舆情工作" },
            channel = new { id = "19:briefings@thread.tacv2", name = "简报" },
        };

        var reply = await AskAsync("本群信息", TeamsActivities.User(TestRoster.OfficeTeamsId, name: "Office"), "channel",
            "19:briefings@thread.tacv2;messageid=1700000000000", channelData);

        Assert.Contains("会话 ID：`19:briefings@thread.tacv2`", reply.Text);
        Assert.DoesNotContain("messageid", reply.Text);
        Assert.Contains("团队：舆情工作（`19:team@thread.tacv2`）", reply.Text);
    }

    [Fact]
    public async Task An_officer_is_refused_and_learns_no_id()
    {
        var reply = await AskAsync("whereami", TeamsActivities.Officer, "groupChat", GroupChat);

        Assert.Equal("Only admins and the public-opinion office can see this conversation's ids.", reply.Text);
    }

    [Fact]
    public async Task A_newly_installed_conversation_is_logged_once_with_its_id()
    {
        await using var bot = new BotApplication(Settings, services => services.AddSingleton<ILogger<ConversationRecorder>>(_log));
        var update = TeamsActivities.Base("conversationUpdate", Connector.ServiceUrl, "groupChat", GroupChat, "en-US", null);
        update["membersAdded"] = new[] { new { id = TeamsActivities.BotId } };

        await bot.PostActivityAsync(update);
        update["id"] = Guid.NewGuid().ToString("N");
        await bot.PostActivityAsync(update);
        await bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "help", "groupChat", GroupChat, mentionBot: true));

        var installed = Assert.Single(_log.Lines, l => l.Message.StartsWith("Installed in", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Information, installed.Level);
        Assert.Contains(GroupChat, installed.Message);
    }
}
