using System.Net;
using System.Text;
using System.Text.Json;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

public sealed class MessagesEndpointTests : ServiceTestBase
{
    private async Task<HttpResponseMessage> PostRawAsync(string body) =>
        await Bot.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

    [Theory]
    [InlineData("{not json", "not a valid activity")]
    [InlineData("null", "empty or null")]
    [InlineData("""{"serviceUrl":"http://x/","conversation":{"id":"c"}}""", "type")]
    [InlineData("""{"type":"message","conversation":{"id":"c"}}""", "serviceUrl")]
    [InlineData("""{"type":"message","serviceUrl":"http://x/"}""", "conversation.id")]
    [InlineData("""{"type":"message","serviceUrl":"ftp://x/","conversation":{"id":"c"}}""", "absolute http(s)")]
    public async Task A_malformed_activity_is_answered_400_with_a_problem_body(string body, string detailContains)
    {
        var response = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains(detailContains, problem.GetProperty("detail").GetString());
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task A_body_over_256_KB_is_answered_413()
    {
        var activity = TeamsActivities.Message(Connector.ServiceUrl, "help " + new string('x', 260 * 1024));

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Connector.Calls);
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    public async Task An_activity_type_theBot_does_not_handle_gets_200_and_nothing_else(string type)
    {
        var activity = TeamsActivities.Base(type, Connector.ServiceUrl, "personal", "a:personal-1", "en-US", null);

        var response = await Bot.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(Connector.Calls);
    }

    [Fact]
    public async Task An_invoke_with_an_unknown_name_is_answered_501()
    {
        var response = await Bot.PostActivityAsync(TeamsActivities.Invoke(Connector.ServiceUrl, "composeExtension/query", new { }));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task A_card_action_with_an_unknown_verb_gets_an_error_invoke_response_in_the_users_language()
    {
        var value = new { action = new { type = "Action.Execute", verb = "launchRocket", data = new { } }, trigger = "manual" };

        var response = await Bot.PostActivityAsync(TeamsActivities.Invoke(Connector.ServiceUrl, "adaptiveCard/action", value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Contains("launchRocket", body.GetProperty("value").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_failing_turn_is_answered_500_and_the_service_keeps_serving()
    {
        Connector.FailWith = HttpStatusCode.InternalServerError;
        var failed = await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "help"));

        Connector.FailWith = null;
        var next = await Bot.PostActivityAsync(TeamsActivities.Message(Connector.ServiceUrl, "help"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(2, Connector.ActivityCalls.Count);
    }

    [Fact]
    public async Task The_health_endpoint_reports_healthy_with_the_database_open()
    {
        var response = await Bot.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
