using System.Text.Json;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Tests.Bot;

public sealed class MentionTextTests
{
    private static Activity WithMention(string text, string mentionedId, string? mentionText) => new()
    {
        Text = text,
        Entities = [MentionEntity(mentionedId, mentionText)],
    };

    private static Entity MentionEntity(string mentionedId, string? text)
    {
        var mention = new Mention { Mentioned = new ChannelAccount { Id = mentionedId, Name = "OpinionBot" }, Text = text };
        return JsonSerializer.SerializeToElement(mention, BotJson.Options).Deserialize<Entity>(BotJson.Options)!;
    }

    [Fact]
    public void Removes_the_bots_mention_text_case_insensitively()
    {
        var activity = WithMention("<AT>OpinionBot</AT> help", "28:bot", "<at>OpinionBot</at>");

        Assert.Equal("help", MentionText.RemoveMentionsOf(activity, "28:bot"));
    }

    [Fact]
    public void Keeps_mentions_of_other_people()
    {
        var activity = WithMention("<at>Wang</at> please look", "29:wang", "<at>Wang</at>");

        Assert.Equal("<at>Wang</at> please look", MentionText.RemoveMentionsOf(activity, "28:bot"));
    }

    [Fact]
    public void Falls_back_to_the_mentioned_name_when_the_mention_has_no_text()
    {
        var activity = WithMention("<at>OpinionBot</at> 帮助", "28:bot", null);

        Assert.Equal("帮助", MentionText.RemoveMentionsOf(activity, "28:bot"));
    }
}
