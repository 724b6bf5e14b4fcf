using System.Text.Json;
using System.Text.Json.Nodes;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cards;

namespace OpinionBot.Tests.Cards;

/// <summary>An attachment's card is written straight from the card's parts: it must say exactly what <see cref="AdaptiveCard.ToJson"/> says.</summary>
public sealed class AdaptiveCardTests
{
    private static AdaptiveCard Full() => new AdaptiveCard()
        .Add(CardElements.Heading("事件 2026-0042 待审核"), CardElements.Text("“食堂视频” <b>&</b> \\ \"quoted\" 😀", subtle: true))
        .Add(CardElements.Facts([("等级", "IV"), ("单位", "宣传部")]))
        .Prepend(CardElements.Text("已登记", bold: true))
        .AddAction(CardElements.Execute("批准", "approval.decide", new JsonObject { ["case"] = "2026-0042", ["n"] = 3 }))
        .With("refresh", new JsonObject { ["userIds"] = new JsonArray("29:a", "29:b") })
        .With("msteams", new JsonObject { ["width"] = "Full" });

    private static string Attached(AdaptiveCard card)
    {
        var attachment = card.ToAttachment();
        Assert.Equal(AttachmentContentTypes.AdaptiveCard, attachment.ContentType);
        return JsonSerializer.Serialize(attachment.Content, BotJson.Options);
    }

    [Fact]
    public void The_attachment_holds_the_same_JSON_as_the_card_built_as_an_object()
    {
        var card = Full();

        Assert.Equal(card.ToJson().ToJsonString(BotJson.Options), Attached(card));
        Assert.Contains("\"$schema\":\"http://adaptivecards.io/schemas/adaptive-card.json\"", Attached(card));
    }

    [Fact]
    public void A_card_without_actions_or_extras_has_neither_property()
    {
        var card = new AdaptiveCard().Add(CardElements.Text("help"));

        var text = Attached(card);

        Assert.Equal(card.ToJson().ToJsonString(BotJson.Options), text);
        Assert.DoesNotContain("actions", text);
    }

    [Fact]
    public void An_extra_property_with_the_name_of_one_of_the_cards_own_replaces_it_in_place()
    {
        var card = Full().With("version", JsonValue.Create("1.4")).With("speak", null!);

        var text = Attached(card);

        Assert.Equal(card.ToJson().ToJsonString(BotJson.Options), text);
        Assert.Contains("\"version\":\"1.4\"", text);
        Assert.DoesNotContain("1.5", text);
    }

    [Fact]
    public void A_card_over_the_Teams_limit_is_refused_both_ways()
    {
        var card = new AdaptiveCard().Add(CardElements.Text(new string('说', AdaptiveCard.MaxBytes / 3 + 1)));

        Assert.Contains("Teams accepts at most", Assert.Throws<InvalidOperationException>(() => card.ToAttachment()).Message);
        Assert.Contains("Teams accepts at most", Assert.Throws<InvalidOperationException>(() => card.ToJson()).Message);
    }

    [Fact]
    public void Attachments_made_one_after_another_keep_their_own_content()
    {
        var first = new AdaptiveCard().Add(CardElements.Text("first")).ToAttachment();
        var second = new AdaptiveCard().Add(CardElements.Text("second, longer than the first")).ToAttachment();

        Assert.Contains("\"first\"", JsonSerializer.Serialize(first.Content, BotJson.Options));
        Assert.Contains("second, longer", JsonSerializer.Serialize(second.Content, BotJson.Options));
    }
}
