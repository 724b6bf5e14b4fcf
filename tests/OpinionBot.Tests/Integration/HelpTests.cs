using System.Net;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

public sealed class HelpTests : ServiceTestBase
{
    [Fact]
    public async Task Help_in_personal_chat_replies_to_the_activity_with_the_english_card()
    {
        var response = await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "help", id: "act-1"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(Connector.ActivityCalls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v3/conversations/a:personal-1/activities/act-1", call.Path);
        Assert.Equal("application/vnd.microsoft.card.adaptive", call.Body!.Value.GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.Equal("1.5", call.Card.GetProperty("version").GetString());
        Assert.Contains("OpinionBot commands", call.CardJson);
        Assert.Contains("help", call.CardJson);
        Assert.Equal("28:bot-app-id", call.Body.Value.GetProperty("from").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("帮助")]
    [InlineData("　帮助　")]
    public async Task Help_typed_in_chinese_gets_the_chinese_card_even_with_an_english_locale(string text)
    {
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, text, locale: "en-US"));

        var call = Assert.Single(Connector.ActivityCalls);
        Assert.Contains("舆情助手命令", System.Text.RegularExpressions.Regex.Unescape(call.CardJson));
    }

    [Fact]
    public async Task Help_asked_again_in_either_language_gets_the_same_card_in_that_language()
    {
        foreach (var text in new[] { "help", "帮助", "help", "帮助" })
            await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, text));

        var cards = Connector.ActivityCalls.Select(c => c.CardJson).ToList();
        Assert.Equal(4, cards.Count);
        Assert.Equal((cards[0], cards[1]), (cards[2], cards[3]));
        Assert.NotEqual(cards[0], cards[1]);
        Assert.Contains("OpinionBot commands", cards[2]);
        Assert.Contains("舆情助手命令", System.Text.RegularExpressions.Regex.Unescape(cards[3]));
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("ｈｅｌｐ")]
    [InlineData("  Help  ")]
    public async Task Help_matches_case_insensitively_and_tolerates_full_width_forms(string text)
    {
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, text));

        Assert.Contains("OpinionBot commands", Assert.Single(Connector.ActivityCalls).CardJson);
    }

    [Theory]
    [InlineData("groupChat", "19:group-1@thread.v2")]
    [InlineData("channel", "19:channel-1@thread.tacv2;messageid=1700000000000")]
    public async Task Help_with_an_at_mention_in_a_group_chat_or_channel_is_answered_in_that_conversation(string type, string conversationId)
    {
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "help", type, conversationId, mentionBot: true, id: "m-1"));

        var call = Assert.Single(Connector.ActivityCalls);
        Assert.Equal($"/v3/conversations/{conversationId}/activities/m-1", call.Path);
        Assert.Contains("OpinionBot commands", call.CardJson);
    }

    [Fact]
    public async Task A_group_chat_message_without_a_mention_of_theBot_is_left_alone()
    {
        var response = await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "help", "groupChat", "19:group-1@thread.v2"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("dance", "en-US", "I don't know the command “dance”")]
    [InlineData("跳舞", "en-US", "无法识别命令“跳舞”")]
    [InlineData("dance", "zh-CN", "无法识别命令“dance”")]
    public async Task An_unknown_command_gets_a_short_answer_pointing_to_help(string text, string locale, string expected)
    {
        await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, text, locale: locale));

        var call = Assert.Single(Connector.ActivityCalls);
        Assert.StartsWith(expected, call.Text);
    }
}
