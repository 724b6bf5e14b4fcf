using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Cases;
using OpinionBot.Records.Archive;

namespace OpinionBot.Tests.Records;

/// <summary>Archive packages (.zip) on request and when a case is archived; every hash verifies.</summary>
public sealed class ArchivePackageTests : RecordsTestBase
{
    [Fact]
    public async Task A_package_of_an_open_case_holds_everything_its_manifest_hashes_verify_and_the_timeline_records_its_hash()
    {
        var number = await ReportAsync();
        var image = RandomNumberGenerator.GetBytes(300);
        Connector.Files["img-1"] = image;
        await Bot.PostActivityAsync(MessageWithImage($"附件 {number}", "img-1"));
        Approve(number);
        await SayAsync($"回应 {number} 我们正在核实。");

        var reply = await SayAsync($"归档包 {number}");

        Assert.Contains($"舆情归档_{number}.zip", reply.CardJson, StringComparison.Ordinal);
        var zip = await DownloadAsync(DownloadUrl(reply.Card));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(zip));
        var packaged = Timeline(number).Last();
        Assert.Equal(CaseEventKind.ArchivePackaged, packaged.Kind);
        Assert.Contains($"SHA-256 {sha256}", packaged.Comment, StringComparison.Ordinal);
        Assert.Contains(sha256, reply.CardJson, StringComparison.Ordinal);

        var files = Verify(zip, number);
        Assert.Equal(["case.json", "timeline.csv", $"舆情专报_{number}.docx", "statements/01-首次回应.txt", $"evidence/01-{Convert.ToHexStringLower(SHA256.HashData(image))[..12]}-screenshot.png"], files.Keys);
        Assert.Equal(image, files.Values.Last());

        using var caseJson = JsonDocument.Parse(files["case.json"]);
        Assert.Equal(number, caseJson.RootElement.GetProperty("number").GetString());
        Assert.Equal("宣传部", caseJson.RootElement.GetProperty("unit").GetProperty("name").GetString());
        Assert.Equal("2026-11-23T10:00:00+08:00", caseJson.RootElement.GetProperty("reportedAt").GetString());
        Assert.Equal("我们正在核实。", caseJson.RootElement.GetProperty("statements")[0].GetProperty("text").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(image)), caseJson.RootElement.GetProperty("evidence")[0].GetProperty("sha256").GetString());

        var statement = Encoding.UTF8.GetString(files["statements/01-首次回应.txt"]);
        Assert.Contains("我们正在核实。", statement, StringComparison.Ordinal);

        using var csv = CsvReader.FromText(Encoding.UTF8.GetString(files["timeline.csv"]).TrimStart('\uFEFF'));
        var rows = new List<string[]>();
        foreach (var row in csv)
            rows.Add(row.ToArray());
        Assert.Equal(["时间", "事项", "类型", "人员", "账号", "说明"], csv.Headers);
        Assert.Equal(["2026-11-23 10:00:00 +08:00", "上报", "Reported"], rows[0][..3]);
        Assert.Contains(rows, r => r[2] == "EvidenceAdded");
        Assert.Contains(rows, r => r[2] == "ResponseDrafted" && r[5] == "我们正在核实。");

        var report = OpenXmlFiles.ReadDocument(files[$"舆情专报_{number}.docx"]);
        Assert.Contains(report.Paragraphs, p => p.Text == "一、基本情况");
    }

    [Fact]
    public async Task Archiving_a_case_packages_it_once_and_the_kept_package_is_what_archive_serves()
    {
        var number = await ReportAsync();
        Approve(number);

        await SayAsync($"办结 {number} 平台已删帖，已回复家长。");
        Assert.Equal("Archived", CaseState(number));
        var worker = Bot.Services.GetRequiredService<ArchiveWorker>();
        await worker.RunPendingAsync(CancellationToken.None);
        Assert.Equal(0, await worker.RunPendingAsync(CancellationToken.None));

        var kept = Bot.Services.GetRequiredService<ArchivePackages>().KeptFor(number);
        Assert.NotNull(kept);
        var packaged = Assert.Single(Timeline(number), e => e.Kind == CaseEventKind.ArchivePackaged);
        Assert.Equal(("opinionbot", "舆情助手"), (packaged.ActorKey, packaged.ActorName));
        Assert.Contains($"SHA-256 {kept.Sha256}", packaged.Comment, StringComparison.Ordinal);

        var reply = await SayAsync($"archive {number}", locale: "en-US");

        Assert.Contains(kept.Sha256, reply.CardJson, StringComparison.Ordinal);
        var zip = await DownloadAsync(DownloadUrl(reply.Card));
        Assert.Equal(kept.Sha256, Convert.ToHexStringLower(SHA256.HashData(zip)));
        Assert.Single(Timeline(number), e => e.Kind == CaseEventKind.ArchivePackaged);
        var files = Verify(zip, number);
        Assert.Contains(files.Keys, k => k == $"舆情专报_{number}.docx");
        var csv = Encoding.UTF8.GetString(files["timeline.csv"]);
        Assert.Contains("Archived", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hook_queues_with_the_transaction_it_is_called_in_and_only_once()
    {
        using var database = new Support.TestDatabase();
        using var transaction = new OpinionBot.Storage.StoreTransaction(database.Database);
        var store = new ArchiveStore(database.Database);
        store.EnsureIndexes();
        var requests = new ArchiveRequests(store, transaction, Support.TestClock.At(DateTimeOffset.UnixEpoch).Clock);
        var packaging = new ArchivePackaging(requests, new ArchiveSignal(), transaction);

        Assert.Throws<InvalidOperationException>(() => transaction.Run(() =>
        {
            packaging.CaseArchived("2026-0001");
            throw new InvalidOperationException("rolled back");
        }));
        Assert.Empty(requests.Pending());

        transaction.Run(() => packaging.CaseArchived("2026-0001"));
        packaging.CaseArchived("2026-0001");
        packaging.CaseArchived("2026-0002");

        Assert.Equal(["2026-0001", "2026-0002"], requests.Pending().Select(r => r.CaseNumber));
    }

    /// <summary>Every file the manifest lists is in the zip with that size and SHA-256, and nothing else is; returns the files in manifest order.</summary>
    private static Dictionary<string, byte[]> Verify(byte[] zip, string number)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
        using var manifest = JsonDocument.Parse(files[ArchiveManifest.FileName]);
        Assert.Equal(number, manifest.RootElement.GetProperty("caseNumber").GetString());
        Assert.Equal("SHA-256", manifest.RootElement.GetProperty("algorithm").GetString());
        var listed = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(files.Keys.Where(k => k != ArchiveManifest.FileName).Order(), listed.Select(f => f.GetProperty("path").GetString()).Order());
        foreach (var file in listed)
        {
            var content = files[file.GetProperty("path").GetString()!];
            Assert.Equal(content.LongLength, file.GetProperty("size").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), file.GetProperty("sha256").GetString());
        }

        return listed.ToDictionary(f => f.GetProperty("path").GetString()!, f => files[f.GetProperty("path").GetString()!]);
    }
}
