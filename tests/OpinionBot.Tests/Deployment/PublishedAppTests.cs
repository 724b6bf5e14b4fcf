using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Deployment;

/// <summary>The output of <c>dotnet publish</c>, run as in production: it refuses to run unauthenticated and serves once configured.</summary>
public sealed class PublishedAppTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private const string AppId = "7f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";
    private const string TenantId = "2b7c9d1e-3f4a-4b5c-8d6e-7f8091a2b3c4";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void The_published_folder_has_the_app_and_its_settings_but_not_the_development_trial_roster()
    {
        Assert.True(File.Exists(Path.Combine(published.Folder, "OpinionBot.dll")));
        Assert.True(File.Exists(Path.Combine(published.Folder, "appsettings.json")));
        Assert.False(File.Exists(Path.Combine(published.Folder, "appsettings.Development.json")));
    }

    [Fact]
    public void The_published_app_runs_with_the_runtime_settings_the_benchmarks_chose()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(published.Folder, "OpinionBot.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.False(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJit").GetBoolean());
        Assert.Equal(0, properties.GetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit").GetInt32());
    }

    [Fact]
    public async Task In_Production_with_no_credentials_it_refuses_to_start_in_one_clear_line()
    {
        await using var app = await published.StartAsync([]);

        Assert.True(app.HasExited);
        Assert.Equal(2, app.ExitCode);
        var lines = (await app.StandardError).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(["OpinionBot cannot start: 1 configuration problem(s).",
            "- Bot:MicrosoftAppId is empty in the Production environment: the bot would accept requests from anyone. Configure the Azure Bot's credentials (README, Deploy to Teams), or set Bot:AllowAnonymous=true for a local trial."], lines);
        Assert.DoesNotContain("Exception", await app.StandardOutput + await app.StandardError);
    }

    [Fact]
    public async Task Credentials_under_Bot_with_the_app_id_at_the_root_are_refused_naming_the_key()
    {
        await using var app = await published.StartAsync(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["Bot__MicrosoftAppPassword"] = "a-secret",
            ["Bot__MicrosoftAppType"] = "SingleTenant",
            ["Bot__MicrosoftAppTenantId"] = TenantId,
            ["Bot__AllowedTenants__0"] = TenantId,
        });

        Assert.Equal(2, app.ExitCode);
        var stderr = await app.StandardError;
        Assert.Contains("- MicrosoftAppId is set at the top level of the configuration, where OpinionBot does not read it; put it under Bot:", stderr);
        Assert.DoesNotContain("a-secret", stderr);
    }

    [Fact]
    public async Task With_Bot_AllowAnonymous_it_says_so_loudly_and_answers_help()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = await published.StartAsync(new() { ["Bot__AllowAnonymous"] = "true" });
        if (app.HasExited) Assert.Fail("The app exited: " + await app.StopAsync());
        using var client = app.CreateClient();

        var response = await client.PostAsJsonAsync("api/messages", TeamsActivities.Message(connector.ServiceUrl, "help"), Web);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(await connector.WaitForActivitiesAsync(1));
        Assert.Contains("OpinionBot commands", reply.CardJson);
        Assert.Contains("ANONYMOUS MODE turned on by Bot:AllowAnonymous=true in the Production environment", await app.StopAsync());
    }

    [Fact]
    public async Task With_credentials_set_a_request_without_a_valid_token_is_refused_and_nothing_is_sent()
    {
        await using var connector = await FakeBotConnector.StartAsync();
        await using var app = await published.StartAsync(new()
        {
            ["Bot__MicrosoftAppId"] = AppId,
            ["Bot__MicrosoftAppPassword"] = "a-secret",
            ["Bot__MicrosoftAppTenantId"] = TenantId,
            ["Bot__AllowedTenants__0"] = TenantId,
            ["Bot__AllowAnonymous"] = "true", // ignored: an app id is set
        });
        if (app.HasExited) Assert.Fail("The app exited: " + await app.StopAsync());
        using var client = app.CreateClient();

        var anonymous = await client.PostAsJsonAsync("api/messages", TeamsActivities.Message(connector.ServiceUrl, "help"), Web);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.Message(connector.ServiceUrl, "help"), options: Web),
        };
        forged.Headers.Authorization = new("Bearer", "eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL2V2aWwuZXhhbXBsZSJ9.");
        var forgedResponse = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forgedResponse.StatusCode);
        Assert.Empty(connector.Calls);
        Assert.Contains("Bot:AllowAnonymous=true is ignored", await app.StopAsync());
    }
}
