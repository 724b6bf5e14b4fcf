using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.Bot;

/// <summary>Says loudly at start when the bot accepts unauthenticated requests (no app id configured).</summary>
public sealed class AnonymousModeWarning(IOptions<BotCredentialsOptions> credentials, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (credentials.Value.IsAnonymous)
            logger.LogWarning("Bot:MicrosoftAppId is empty: running in ANONYMOUS mode for local testing. Every request is accepted without a token; never expose this to the internet.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
