using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpinionBot.Delivery.Outbox;

namespace OpinionBot.Tests.Support;

/// <summary>
/// The real service in-process, on a fresh LiteDB file, with a fake clock and whatever settings a test gives. It runs
/// in the <c>Testing</c> environment (not Development, whose appsettings.Development.json holds the Playground trial
/// roster, which would merge into a test's roster) and, unless a test configures an app id, anonymous by
/// <c>Bot:AllowAnonymous=true</c>.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "opinionbot-tests", Guid.NewGuid().ToString("N"));

    public BotApplication(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Storage:LiteDb:Path"] = Path.Combine(_folder, "bot.db"),
            ["Organization:TimeZone"] = "Asia/Shanghai",
            ["Organization:DefaultLocale"] = "zh-CN",
            ["Bot:AllowAnonymous"] = "true",
        };
        // Tests run the scheduled work themselves on the fake clock; the real Quartz triggers must not fire meanwhile.
        foreach (var schedule in new[] { "ZeroReportReminder", "ZeroReportDeadline", "OverdueScan", "DailyBriefing", "WeeklySummary" })
            _settings[$"Schedule:{schedule}"] = NeverFires;
        foreach (var (key, value) in settings ?? []) _settings[key] = value;
        _services = services;
    }

    public const string NeverFires = "0 0 0 1 1 ? 2099";

    public const string EnvironmentName = "Testing";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseDefaultServiceProvider(options => { options.ValidateScopes = true; options.ValidateOnBuild = true; });
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    public async Task<HttpResponseMessage> PostActivityAsync(object activity, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity, options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        if (bearerToken is not null)
            request.Headers.Authorization = new("Bearer", bearerToken);
        return await CreateClient().SendAsync(request);
    }

    /// <summary>
    /// Delivers everything the outbox holds that is due at the fake clock's now (the background loop may be delivering
    /// too: passes take turns, so when this returns nothing due is left undelivered).
    /// </summary>
    public async Task DeliverOutboxAsync()
    {
        var dispatcher = Services.GetRequiredService<OutboxDispatcher>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        do await dispatcher.DispatchDueAsync(timeout.Token);
        while (dispatcher.NextDueAt is { } due && due <= Clock.GetUtcNow());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
