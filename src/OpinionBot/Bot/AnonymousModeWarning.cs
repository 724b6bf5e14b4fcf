using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Authentication;

namespace OpinionBot.Bot;

/// <summary>
/// Says loudly at start how requests are authenticated: anonymous mode (no app id) in Development, louder still when
/// <c>Bot:AllowAnonymous=true</c> turns it on anywhere else, and a note when that flag is ignored because an app id is set.
/// </summary>
public sealed class AnonymousModeWarning(
    IOptions<BotCredentialsOptions> credentials, IHostEnvironment environment, IConfiguration configuration, ILogger<AnonymousModeWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var bot = credentials.Value;
        var allowedExplicitly = configuration.GetValue<bool>("Bot:AllowAnonymous");
        if (bot.HasAppId)
        {
            if (allowedExplicitly)
                logger.LogWarning("Bot:AllowAnonymous=true is ignored: Bot:MicrosoftAppId is set, so every request must carry a valid token.");
            logger.LogInformation("Authenticating requests as Azure Bot {AppId} ({AppType}, cloud {Cloud})", bot.MicrosoftAppId, bot.AppType, bot.CloudEndpoints.Name);
        }
        else if (environment.IsDevelopment() && !allowedExplicitly)
        {
            logger.LogWarning("ANONYMOUS MODE (Development environment, no Bot:MicrosoftAppId): every request is accepted without a token. For local testing only; never expose this to the internet.");
        }
        else if (bot.AllowAnonymous)
        {
            logger.LogWarning("ANONYMOUS MODE turned on by Bot:AllowAnonymous=true in the {Environment} environment: every request is accepted without a token, anyone who reaches this service can act as any user. For local testing only; never expose this to the internet.", environment.EnvironmentName);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
