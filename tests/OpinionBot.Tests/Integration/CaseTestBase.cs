using System.Text.Json;
using System.Text.RegularExpressions;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Tests.Support;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary>The service with the test roster and a fake connector, plus helpers to report and read back.</summary>
public abstract class CaseTestBase : ServiceTestBase
{
    protected virtual Dictionary<string, string?> ExtraSettings => [];

    protected override Dictionary<string, string?> Settings => TestRoster.Settings(ExtraSettings);

    protected ILiteDatabase Database => Bot.Services.GetRequiredService<ILiteDatabase>();

    /// <summary>An owed step as stored, by its id (<c>{case}:{clock}</c>).</summary>
    protected OpinionBot.Deadlines.OwedStep StoredStep(string id) =>
        Bot.Services.GetRequiredService<OpinionBot.Deadlines.IOwedStepStore>().Find(id) ?? throw new Xunit.Sdk.XunitException($"no step {id}");

    protected async Task<JsonElement> SubmitAsync(Dictionary<string, string> data, object? from = null)
    {
        var response = await Bot.PostActivityAsync(TeamsActivities.CardAction(Connector.ServiceUrl, "case.report", data, from));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await Bot.DeliverOutboxAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    protected async Task<string> ReportAsync(Dictionary<string, string>? data = null)
    {
        var body = await SubmitAsync(data ?? IntakeSubmission.Valid());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.GetProperty("type").GetString());
        var card = body.GetProperty("value").GetRawText();
        return Regex.Match(Regex.Unescape(card), @"\d{4}-\d{4}").Value;
    }

    /// <summary>Says <paramref name="text"/> in the personal chat; returns the bot's reply (proactive messages it caused are delivered too).</summary>
    protected async Task<ConnectorCall> SayAsync(string text, object? from = null, string? id = null, string locale = "zh-CN")
    {
        var before = Connector.ActivityCalls.Count;
        var message = TeamsActivities.Message(Connector.ServiceUrl, text, locale: locale, id: id, from: from);
        var response = await Bot.PostActivityAsync(message);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await Bot.DeliverOutboxAsync();
        return await Connector.WaitForReplyAsync((string)message["id"]!, before);
    }

    protected static string Unescaped(JsonElement element) => Regex.Unescape(element.GetRawText());
}
