using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpinionBot.Testing;

namespace OpinionBot.LoadTest;

/// <summary>
/// The intake benchmark's floor: bare Kestrel (in the benchmark's own process) that reads the submitted activity as
/// JSON and answers the invoke with a one-line card naming the next case number — no store, no rules. Loaded with the
/// same bodies, client and concurrency right after the bot, it shows what the machine and the harness allow.
/// </summary>
public sealed class FloorServer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private int _sequence;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FloorServer> StartAsync()
    {
        var floor = new FloorServer();
        (floor._app, var address) = await LoopbackWebApp.StartAsync(app => app.MapPost("/api/messages", floor.AnswerAsync));
        floor.BaseAddress = new Uri(address);
        return floor;
    }

    private async Task AnswerAsync(HttpContext http)
    {
        using var activity = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var verb = activity.RootElement.GetProperty("value").GetProperty("action").GetProperty("verb").GetString();
        var number = $"{DateTime.UtcNow.Year}-{Interlocked.Increment(ref _sequence).ToString("D4", CultureInfo.InvariantCulture)}";
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsJsonAsync(new
        {
            statusCode = 200,
            type = "application/vnd.microsoft.card.adaptive",
            value = new { type = "AdaptiveCard", version = "1.5", body = new[] { new { type = "TextBlock", text = $"{verb} **{number}**" } } },
        }, http.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
