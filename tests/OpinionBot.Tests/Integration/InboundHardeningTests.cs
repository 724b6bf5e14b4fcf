using System.Net;
using System.Text;
using System.Text.Json;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>What reaches <c>POST /api/messages</c> that is not a well-formed activity: refused with 4xx and a problem body, never a 500.</summary>
public sealed class InboundHardeningTests : CaseTestBase
{
    private async Task<HttpResponseMessage> PostAsync(string body, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await Bot.CreateClient().PostAsync("/api/messages", content);
    }

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("text/plain")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData(null)]
    public async Task A_body_that_is_not_utf8_json_is_answered_415_and_runs_nothing(string? contentType)
    {
        var activity = JsonSerializer.Serialize(TeamsActivities.Message(Connector.ServiceUrl, "help"));

        var response = await PostAsync(activity, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await ProblemOf(response)).GetProperty("detail").GetString());
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; Charset=UTF-8")]
    public async Task Json_in_utf8_is_served(string contentType)
    {
        var response = await PostAsync(JsonSerializer.Serialize(TeamsActivities.Message(Connector.ServiceUrl, "help")), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Connector.ActivityCalls);
    }

    public static TheoryData<string, string> WrongShapes() => new()
    {
        { "\"x\"", "value must be an object" },
        { """{"action":"x"}""", "value.action must be an object" },
        { """{"action":{"type":"Action.Execute","verb":5,"data":{}}}""", "value.action.verb must be a string" },
        { """{"action":{"type":"Action.Execute","verb":"case.report","data":"str"}}""", "value.action.data must be an object" },
        { """{"action":{"type":"Action.Execute","verb":"case.report","data":[1,2]}}""", "value.action.data must be an object" },
        { """{"action":{"type":"Action.Execute","verb":"case.report","data":{}},"trigger":7}""", "value.trigger must be a string" },
        { "{}", "has no action" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task An_invoke_value_of_the_wrong_shape_is_answered_400_with_a_problem_body(string value, string detail)
    {
        var activity = TeamsActivities.Invoke(Connector.ServiceUrl, "adaptiveCard/action", JsonDocument.Parse(value).RootElement);

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("   at ", problem.GetRawText());
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("blah blah blah blah blah blah blah blah😀 and more")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九𠀀后面")]
    public async Task An_unknown_command_is_echoed_shortened_without_splitting_a_character(string text)
    {
        Assert.True(char.IsHighSurrogate(text[39]));

        var reply = (await SayAsync(text, locale: "en-US")).Text!;

        Assert.DoesNotContain('\uFFFD', reply);
        Assert.Contains(text[..39] + "…", reply);
        for (var i = 0; i < reply.Length; i++)
        {
            if (char.IsHighSurrogate(reply[i]))
                Assert.True(char.IsLowSurrogate(reply[++i]));
            else
                Assert.False(char.IsLowSurrogate(reply[i]));
        }
    }
}
