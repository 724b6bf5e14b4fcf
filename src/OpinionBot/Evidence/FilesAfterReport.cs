using Microsoft.Extensions.Options;
using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Cases;
using OpinionBot.Configuration;

namespace OpinionBot.Evidence;

/// <summary>Files sent without a command go to the case the sender reported just before; otherwise the bot asks which case.</summary>
public sealed class FilesAfterReport(ICaseStore cases, EvidenceCollector collector, OrganizationClock clock, IOptions<EvidenceOptions> options) : IFreeTextHandler
{
    public bool CanHandle(Activity activity, string text) => ChatFile.In(activity).Count > 0;

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var recent = cases.LatestReportedBy(context.Actor.Key, clock.UtcNow - options.Value.AttachAfterReportWindow);
        if (recent is null)
        {
            await context.ReplyTextAsync("evidence.whichCase", cancellationToken);
            return;
        }

        await collector.CollectAsync(context, recent.Number, ChatFile.In(context.Turn.Activity), cancellationToken);
    }
}
