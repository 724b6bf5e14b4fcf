using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using OpinionBot.Configuration;
using OpinionBot.Localization;
using OpinionBot.Records.Dossier;
using OpinionBot.Records.Files;
using OpinionBot.Records.SpecialReport;

namespace OpinionBot.Records.Archive;

/// <summary>A package written to a scratch file: its content, name, size, SHA-256 and manifest. Disposing deletes the scratch file.</summary>
public sealed record BuiltPackage(FileStream Content, string FileName, long Size, string Sha256, ArchiveManifest Manifest) : IDisposable
{
    public void Dispose() => Content.Dispose();
}

/// <summary>
/// Writes a case's archive package (归档包), a .zip: <c>case.json</c>, <c>timeline.csv</c>, the special report .docx,
/// every statement under <c>statements/</c>, the evidence files under <c>evidence/</c> (read from the
/// <see cref="IRecordFileStore"/>), and <c>manifest.json</c> with each file's size and SHA-256.
/// </summary>
public sealed class ArchivePackageBuilder(IRecordFileStore stored, CaseReportWriter reports, BotTexts texts, OrganizationClock clock)
{
    public string FileName(string caseNumber, Language language) => texts.Get(language, "file.archive", caseNumber);

    public BuiltPackage Build(CaseDossier d, Language language, string createdBy)
    {
        var file = TempFile.Create();
        try
        {
            var manifest = Write(file, d, language, createdBy);
            file.Position = 0;
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            return new BuiltPackage(file, FileName(d.Case.Number, language), file.Length, sha256, manifest);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public ArchiveManifest Write(Stream output, CaseDossier d, Language language, string createdBy)
    {
        var now = clock.UtcNow;
        var files = new List<ManifestFile>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            var evidencePaths = d.Evidence.Select((e, i) => (e.Id, Path: $"evidence/{i + 1:D2}-{e.Sha256[..12]}-{SafeName(e.Name)}"))
                .ToDictionary(p => p.Id, p => p.Path);
            files.Add(Add(zip, "case.json", CaseJson.Build(d, evidencePaths, clock), now));
            files.Add(AddStreamed(zip, "timeline.csv", now, s => TimelineCsv.Write(s, d.Timeline, language, texts, clock)));
            files.Add(Add(zip, reports.FileName(d.Case.Number, language), reports.Build(d, language, createdBy), now));
            for (var i = 0; i < d.Statements.Count; i++)
                files.Add(Add(zip, $"statements/{i + 1:D2}-{SafeName(texts.Get(language, d.Statements[i].KindKey))}.txt", Statement(d.Statements[i], language), now));
            foreach (var evidence in d.Evidence)
                files.Add(AddStreamed(zip, evidencePaths[evidence.Id], now, s =>
                {
                    using var content = stored.OpenRead(evidence.Id);
                    content.CopyTo(s);
                }));

            var manifest = new ArchiveManifest(ArchiveManifest.CurrentFormat, d.Case.Number, clock.ToLocal(now), createdBy, "SHA-256", files);
            Add(zip, ArchiveManifest.FileName, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(manifest, CaseJson.Options), now);
            return manifest;
        }
    }

    private byte[] Statement(StatementRecord s, Language language)
    {
        string T(string key, params object?[] args) => texts.Get(language, key, args);
        string Time(DateTimeOffset? at) => at is { } value ? clock.ToLocal(value).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) : T("case.none");
        var text = new StringBuilder()
            .AppendLine(T(s.KindKey))
            .AppendLine(T("archive.statement.stage", T(s.StageKey)))
            .AppendLine(T("archive.statement.drafted", s.DraftedBy, Time(s.DraftedAt)))
            .AppendLine(T("archive.statement.signedOff", s.ApprovedBy ?? T("case.none"), s.SignedBy ?? T("case.none")))
            .AppendLine(T("archive.statement.published", Time(s.PublishedAt), s.PublishedBy ?? T("case.none")));
        if (s.PromisedDate is { } promised)
            text.AppendLine(T("report.case.promised", promised.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        if (s.ReturnReason is { Length: > 0 } reason)
            text.AppendLine(T("report.case.returned", reason));
        text.AppendLine()
            .AppendLine(s.Text);
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
    }

    private static ManifestFile Add(ZipArchive zip, string path, byte[] content, DateTimeOffset now)
    {
        using (var stream = Entry(zip, path, now))
            stream.Write(content);
        return new ManifestFile(path, content.LongLength, Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    private static ManifestFile AddStreamed(ZipArchive zip, string path, DateTimeOffset now, Action<Stream> write)
    {
        using var hashing = new HashingStream(Entry(zip, path, now));
        write(hashing);
        hashing.Flush();
        return new ManifestFile(path, hashing.Written, hashing.Sha256Hex());
    }

    private static Stream Entry(ZipArchive zip, string path, DateTimeOffset now)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = now;
        return entry.Open();
    }

    /// <summary>A file name safe in a zip on every system: no path separators or reserved characters, at most 80 characters.</summary>
    public static string SafeName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['/', '\\', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c).ToArray()).Trim(' ', '.');
        if (safe.Length == 0) safe = "file";
        return safe.Length <= 80 ? safe : safe[..40] + "…" + safe[^39..];
    }
}
