using System.Globalization;
using CsvHelper;
using OpinionBot.Cases;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Records.Archive;

/// <summary><c>timeline.csv</c> (CsvHelper, RFC 4180): every timeline event, UTF-8 with a byte order mark so Excel reads the Chinese, times in the organisation's zone.</summary>
public static class TimelineCsv
{
    public static readonly string[] Columns = ["time", "event", "kind", "actor", "actorKey", "comment"];

    public static void Write(Stream output, IReadOnlyList<CaseEvent> timeline, Language language, BotTexts texts, OrganizationClock clock)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(Columns.Select(c => texts.Get(language, $"archive.csv.{c}")).ToArray());
        foreach (var e in timeline)
        {
            csv.WriteRecord(
            [
                clock.ToLocal(e.At).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
                texts.Get(language, $"event.{e.Kind}"),
                e.Kind.ToString(),
                e.ActorName,
                e.ActorKey,
                e.Comment,
            ]);
        }

        csv.Flush();
    }
}
