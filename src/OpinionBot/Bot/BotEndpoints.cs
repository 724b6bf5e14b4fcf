using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Hosting;

namespace OpinionBot.Bot;

public static class BotEndpoints
{
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", (HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted));
        return endpoints;
    }
}
