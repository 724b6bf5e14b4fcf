using Microsoft.AspNetCore.Http;
using OpinionBot.BotFramework.Builder;

namespace OpinionBot.BotFramework.Hosting;

public interface IBotFrameworkHttpAdapter
{
    Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default);
}
