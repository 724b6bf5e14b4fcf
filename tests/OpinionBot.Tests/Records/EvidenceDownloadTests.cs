using System.Security.Cryptography;
using System.Text.Json;
using OpinionBot.Records.Evidence;
using OpinionBot.Records.Files;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Records;

/// <summary>The case card lists the evidence files, each with a Download button that gives back the stored bytes.</summary>
public sealed class EvidenceDownloadTests : RecordsTestBase
{
    [Fact]
    public async Task The_case_card_lists_each_file_and_its_button_downloads_the_stored_bytes()
    {
        var number = await ReportAsync();
        var image = RandomNumberGenerator.GetBytes(2048);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(image));
        Connector.Files["img-1"] = image;
        await Bot.PostActivityAsync(MessageWithImage($"附件 {number}", "img-1", "截图.png"));

        var card = (await SayAsync($"查看 {number}")).Card;

        var json = Text(card);
        Assert.Contains("证据文件", json, StringComparison.Ordinal);
        Assert.Contains($"截图.png · image/png · 2 KB · {sha256[..12]}", json, StringComparison.Ordinal);
        var answer = await PressAsync(TeamsActivities.Officer, EvidenceList.DownloadVerb, ButtonData(card, EvidenceList.DownloadVerb));

        Assert.Equal("application/vnd.microsoft.card.adaptive", answer.GetProperty("type").GetString());
        Assert.Contains($"{number} 某校食堂视频引发关注", Text(answer), StringComparison.Ordinal);
        using var response = await GetAsync(DownloadUrl(answer));
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("截图.png", response.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(image, await response.Content.ReadAsByteArrayAsync());
        var download = Assert.Single(Links.RecentDownloads());
        Assert.Equal((FileKind.Evidence, sha256), (download.Kind, download.Sha256));
        Assert.Equal(1, Database.FileStorage.FindAll().Count(f => f.Id.StartsWith("evidence/")));
        Assert.Empty(Database.FileStorage.Find(f => f.Id.StartsWith("generated/")));
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_case_is_refused_on_the_card()
    {
        var number = await ReportAsync();
        Connector.Files["img-1"] = RandomNumberGenerator.GetBytes(100);
        await Bot.PostActivityAsync(MessageWithImage($"附件 {number}", "img-1"));
        var card = (await SayAsync($"查看 {number}")).Card;
        Connector.MemberEmails[TestRoster.OfficerByEmailTeamsId] = TestRoster.OfficerEmail;

        var answer = await PressAsync(EducationOfficer, EvidenceList.DownloadVerb, ButtonData(card, EvidenceList.DownloadVerb));

        Assert.Equal(400, answer.GetProperty("statusCode").GetInt32());
        Assert.Equal(0, Database.GetCollection("download_links").Count());
    }

    [Fact]
    public async Task The_list_is_capped_and_points_to_the_archive_package_for_the_rest()
    {
        var number = await ReportAsync();
        for (var i = 0; i < EvidenceList.MaxShown + 3; i++)
        {
            Connector.Files[$"img-{i}"] = RandomNumberGenerator.GetBytes(64);
            await Bot.PostActivityAsync(MessageWithImage($"附件 {number}", $"img-{i}", $"screenshot-{i}.png"));
        }

        var card = (await SayAsync($"查看 {number}")).Card;

        var buttons = JsonSerializer.Serialize(card).Split(EvidenceList.DownloadVerb).Length - 1;
        Assert.Equal(EvidenceList.MaxShown, buttons);
        Assert.Contains($"另有 3 个文件：发送 **归档包 {number}**", Text(card), StringComparison.Ordinal);
    }
}
