using OpinionBot.BotFramework.Schema;

namespace OpinionBot.Bot;

/// <summary>Handles a message that is no command (a pasted link, files sent in chat); asked in registration order.</summary>
public interface IFreeTextHandler
{
    bool CanHandle(Activity activity, string text);

    Task HandleAsync(CommandContext context, CancellationToken cancellationToken);
}
