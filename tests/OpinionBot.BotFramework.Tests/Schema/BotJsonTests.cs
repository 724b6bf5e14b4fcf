using System.Text.Json;
using System.Text.Json.Serialization;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Tests.Schema;

/// <summary>The wire types are read and written from build-time metadata, with the wire's conventions.</summary>
public sealed class BotJsonTests
{
    [Theory]
    [InlineData(typeof(Activity))]
    [InlineData(typeof(AdaptiveCardInvokeValue))]
    [InlineData(typeof(AdaptiveCardInvokeResponse))]
    [InlineData(typeof(ResourceResponse))]
    [InlineData(typeof(TeamsChannelData))]
    public void Wire_types_come_from_the_generated_context(Type type) =>
        Assert.IsAssignableFrom<JsonSerializerContext>(BotJson.Options.GetTypeInfo(type).OriginatingResolver);

    [Fact]
    public void An_activity_round_trips_in_camel_case_without_nulls_and_with_chinese_unescaped()
    {
        const string wire = """{"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/cn/","from":{"id":"29:a","name":"王芳","aadObjectId":"aad-a"},"conversation":{"id":"a:1","conversationType":"personal"},"text":"上报","value":{"action":{"verb":"case.report"}}}""";

        var activity = JsonSerializer.Deserialize<Activity>(wire, BotJson.Options)!;
        var written = JsonSerializer.Serialize(activity, BotJson.Options);

        Assert.Equal("王芳", activity.From!.Name);
        Assert.Equal("personal", activity.Conversation!.ConversationType);
        Assert.Contains("\"text\":\"上报\"", written, StringComparison.Ordinal);
        Assert.Contains("\"aadObjectId\":\"aad-a\"", written, StringComparison.Ordinal);
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
        Assert.Equal("case.report", JsonDocument.Parse(written).RootElement.GetProperty("value").GetProperty("action").GetProperty("verb").GetString());
    }

    [Fact]
    public void A_member_of_card_data_is_read_as_text_from_wire_json_or_from_an_object_set_in_code()
    {
        var wire = JsonSerializer.Deserialize<JsonElement>("""{"lang":"zh-CN","id":42,"urgent":true,"nested":{"a":1},"none":null}""");

        Assert.Equal("zh-CN", BotJson.Member(wire, "lang"));
        Assert.Equal("42", BotJson.Member(wire, "id"));
        Assert.Equal("true", BotJson.Member(wire, "urgent"));
        Assert.Null(BotJson.Member(wire, "nested"));
        Assert.Null(BotJson.Member(wire, "none"));
        Assert.Null(BotJson.Member(wire, "LANG")); // names are case-sensitive, as on the wire
        Assert.Null(BotJson.Member(JsonSerializer.Deserialize<JsonElement>("[1]"), "lang"));
        Assert.Null(BotJson.Member(null, "lang"));
        Assert.Equal("en-US", BotJson.Member(new { lang = "en-US" }, "lang"));
    }
}
