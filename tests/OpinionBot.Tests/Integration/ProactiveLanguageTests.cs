using System.Net;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>
/// The language of proactive cards: a conversation's and a person's language come from what people type there, never
/// from system events or button presses; until then the organisation's default (zh-CN in these tests) applies.
/// </summary>
public sealed class ProactiveLanguageTests : ApprovalTestBase
{
    private const string ApprovalChat = "19:approvals@thread.tacv2";

    protected override Dictionary<string, string?> ExtraSettings => new() { ["Organization:Units:0:ApprovalConversationId"] = ApprovalChat };

    [Fact]
    public async Task An_approval_chat_that_only_saw_an_en_US_install_event_gets_the_organisations_zh_CN_cards()
    {
        await InstallAsync(ApprovalChat, locale: "en-US");

        await ReportAsync();

        var card = Assert.Single(SentTo(ApprovalChat));
        Assert.Contains("待您审核", card.CardJson);
        Assert.DoesNotContain("needs your decision", card.CardJson);
        Assert.Equal("zh-CN", card.Body!.Value.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task A_message_typed_in_English_in_the_approval_chat_makes_its_cards_English()
    {
        await InstallAsync(ApprovalChat, locale: "zh-CN");
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "my", "channel", ApprovalChat, "zh-CN", mentionBot: true, from: Leader));
        await Bot.DeliverOutboxAsync();

        await ReportAsync();

        var card = SentTo(ApprovalChat).Last();
        Assert.Contains("needs your decision", card.CardJson);
    }

    [Fact]
    public async Task A_command_typed_in_Chinese_from_an_en_US_client_makes_the_chat_Chinese_and_a_later_install_event_changes_nothing()
    {
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", "channel", ApprovalChat, "en-US", mentionBot: true, from: Leader));
        await InstallAsync(ApprovalChat, locale: "en-US");
        await Bot.DeliverOutboxAsync();

        await ReportAsync();

        Assert.Contains("待您审核", SentTo(ApprovalChat).Last().CardJson);
    }

    [Fact]
    public async Task A_leaders_personal_cards_follow_what_they_typed_not_the_client_locale_nor_their_button_presses()
    {
        Connector.MemberEmails["29:leader"] = TestRoster.LeaderEmail;
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "我的", conversationId: LeaderChat, from: Leader, locale: "en-US"));
        await Bot.DeliverOutboxAsync();

        var first = await ReportAsync();
        var card = Assert.Single(SentTo(LeaderChat), c => c.Body?.TryGetProperty("attachments", out _) == true);
        Assert.Contains("待您审核", card.CardJson);

        // An English-language press (a card built in en-US, from an en-US client) teaches nothing.
        var data = ButtonData(card.Card, "case.approve");
        data["lang"] = "en-US";
        await PressAsync(Leader, "case.approve", data);
        Assert.Equal("InProgress", CaseState(first));

        await ReportAsync();
        Assert.Contains("待您审核", SentTo(LeaderChat).Last(c => c.Body?.TryGetProperty("attachments", out _) == true).CardJson);
    }

    private async Task InstallAsync(string conversationId, string locale)
    {
        var install = TeamsActivities.Base("installationUpdate", Connector.ServiceUrl, "channel", conversationId, locale, null);
        install["action"] = "add";
        var response = await Bot.PostActivityAsync(install);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
