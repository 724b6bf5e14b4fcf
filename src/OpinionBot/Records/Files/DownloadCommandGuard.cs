using OpinionBot.Bot;

namespace OpinionBot.Records.Files;

public static class DownloadCommandGuard
{
    /// <summary>False, after telling the user so, when download links cannot be issued (no <c>Bot:PublicUrl</c>).</summary>
    public static async Task<bool> CanOfferAsync(this DownloadLinks links, CommandContext context, CancellationToken cancellationToken)
    {
        if (links.Configured)
            return true;

        await context.ReplyTextAsync("download.notConfigured", cancellationToken);
        return false;
    }
}
