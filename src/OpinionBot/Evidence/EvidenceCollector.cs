using Microsoft.Extensions.Options;
using OpinionBot.Bot;
using OpinionBot.BotFramework.Connector;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Evidence;

/// <summary>Downloads the files of a message (with the bot's token where Teams needs it) and keeps them for a case.</summary>
public sealed class EvidenceCollector(
    IEvidenceStore store,
    IConnectorClientFactory connectors,
    OrganizationClock clock,
    IOptions<EvidenceOptions> options,
    ILogger<EvidenceCollector> logger)
{
    /// <summary>Keeps every file in the message for the case and answers with one line per outcome.</summary>
    public async Task CollectAsync(CommandContext context, string caseNumber, IReadOnlyList<ChatFile> files, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        var added = 0;
        foreach (var file in files)
        {
            var outcome = await CollectOneAsync(context, caseNumber, file, cancellationToken);
            if (outcome is null) added++;
            else lines.Add(outcome);
        }

        if (added > 0)
            lines.Insert(0, context.Text("evidence.added", added, caseNumber));
        await context.ReplyAsync(BotFramework.Schema.Activity.CreateMessageActivity(string.Join("\n\n", lines)), cancellationToken);
    }

    /// <summary>Null when stored; otherwise the line that says why not.</summary>
    private async Task<string?> CollectOneAsync(CommandContext context, string caseNumber, ChatFile file, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxFileBytes;
        byte[] content;
        try
        {
            var client = connectors.Create(context.Turn.Activity.ServiceUrl!);
            using var response = await client.GetAttachmentAsync(file.DownloadUrl, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Evidence download of {Url} failed with {Status}", file.DownloadUrl, (int)response.StatusCode);
                return context.Text("evidence.downloadFailed", file.Name);
            }

            if (response.Content.Headers.ContentLength > max)
                return TooLarge(context, file, response.Content.Headers.ContentLength.Value, max);

            content = await ReadLimitedAsync(response.Content, max + 1, cancellationToken);
            if (content.LongLength > max)
                return TooLarge(context, file, content.LongLength, max);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Evidence download of {Url} failed", file.DownloadUrl);
            return context.Text("evidence.downloadFailed", file.Name);
        }

        return store.Add(caseNumber, file.Name, file.ContentType, content, context.Actor, clock.UtcNow)
            ? null
            : context.Text("evidence.duplicate", file.Name, caseNumber);
    }

    private static string TooLarge(CommandContext context, ChatFile file, long size, long max) =>
        context.Text("evidence.tooLarge", file.Name, FileSize.Format(size), FileSize.Format(max));

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length >= limit) break;
        }

        return buffer.ToArray();
    }
}
