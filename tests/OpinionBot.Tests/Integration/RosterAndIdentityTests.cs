using System.Net;
using System.Text.Json;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

public sealed class RosterAndIdentityTests : CaseTestBase
{
    [Fact]
    public async Task Someone_not_on_the_roster_is_told_to_ask_the_administrator_names_nobody_and_nothing_is_stored()
    {
        var stranger = TeamsActivities.User("29:stranger", "ffffffff-0000-0000-0000-000000000000", "Stranger");

        var reply = await SayAsync("report", stranger, locale: "en-US");
        var invoke = await SubmitAsync(IntakeSubmission.Valid(), stranger);

        Assert.Equal("You are not on the OpinionBot roster, so I can't do that for you. Please ask your administrator to add you.", reply.Text);
        Assert.Equal(400, invoke.GetProperty("statusCode").GetInt32());
        Assert.Equal("NotOnRoster", invoke.GetProperty("value").GetProperty("code").GetString());
        Assert.DoesNotContain("@", reply.Text + invoke.GetRawText());
        Assert.Equal(0, Database.GetCollection("cases").Count());
        Assert.Equal(0, Database.GetCollection("people").Count());
        Assert.Equal(0, Database.GetCollection("conversations").Count());
    }

    [Fact]
    public async Task Help_still_works_for_someone_not_on_the_roster()
    {
        var reply = await SayAsync("help", TeamsActivities.User("29:stranger"), locale: "en-US");

        Assert.Contains("OpinionBot commands", reply.CardJson);
    }

    [Fact]
    public async Task A_person_named_by_email_is_matched_through_the_members_api_once()
    {
        Connector.MemberEmails[TestRoster.OfficerByEmailTeamsId] = "Chen.Jing@Contoso.example";
        var officer = TeamsActivities.User(TestRoster.OfficerByEmailTeamsId, name: "Chen Jing");

        var first = await SayAsync("my", officer, locale: "en-US");
        var second = await SayAsync("zero", officer, locale: "en-US");

        Assert.Equal("You have no open cases.", first.Text);
        Assert.StartsWith("Zero report recorded for 教育局", second.Text);
        Assert.Single(Connector.Calls, c => c.Path.Contains("/members/"));
    }

    [Fact]
    public async Task Conversations_are_recorded_from_messages_and_installation_updates()
    {
        await SayAsync("my");
        var install = TeamsActivities.Base("installationUpdate", Connector.ServiceUrl, "channel", "19:office@thread.tacv2", "zh-CN", null);
        install["action"] = "add";
        install["channelData"] = new { tenant = new { id = "tenant-1" }, team = new { id = "19:team@thread.tacv2", name = "舆情办" }, channel = new { id = "19:office@thread.tacv2", name = "General" } };

        var response = await Bot.PostActivityAsync(install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = Database.GetCollection("conversations").FindAll().ToDictionary(d => d["_id"].AsString);
        Assert.Equal("personal", records["a:personal-1"]["ConversationType"].AsString);
        Assert.Equal(TestRoster.OfficerAad, records["a:personal-1"]["UserAadObjectId"].AsString);
        Assert.Equal("19:team@thread.tacv2", records["19:office@thread.tacv2"]["TeamId"].AsString);
        Assert.Equal(Connector.ServiceUrl, records["19:office@thread.tacv2"]["ServiceUrl"].AsString);
    }

    [Fact]
    public async Task The_configured_roster_is_stored_on_first_start()
    {
        _ = Bot.CreateClient();

        var units = Database.GetCollection("units").FindAll().Select(d => d["_id"].AsString).Order().ToList();
        Assert.Equal([TestRoster.Unit2, TestRoster.Unit1], units);
        await Task.CompletedTask;
    }
}
