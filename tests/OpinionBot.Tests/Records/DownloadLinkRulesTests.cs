using Microsoft.Extensions.Configuration;
using OpinionBot.Configuration;
using OpinionBot.Records.Files;

namespace OpinionBot.Tests.Records;

public sealed class DownloadLinkRulesTests
{
    [Fact]
    public void A_token_carries_256_random_bits_as_base64url_and_only_its_hash_is_kept()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => LinkToken.New()).ToList();

        Assert.All(tokens, t => Assert.True(LinkToken.HasTokenShape(t), t));
        Assert.All(tokens, t => Assert.Equal(LinkToken.Length, t.Length));
        Assert.Equal(tokens.Count, tokens.Distinct().Count());
        Assert.Equal(LinkToken.Hash(tokens[0]), LinkToken.Hash(tokens[0]));
        Assert.NotEqual(tokens[0], LinkToken.Hash(tokens[0]));
        Assert.Equal(64, LinkToken.Hash(tokens[0]).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("evidence%2F2026-0001%2Fabc")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void Anything_shaped_otherwise_is_no_token(string? candidate) => Assert.False(LinkToken.HasTokenShape(candidate));

    [Fact]
    public void The_chinese_file_name_goes_into_filename_star_with_an_ascii_fallback()
    {
        var header = DownloadEndpoint.ContentDisposition("舆情台账_2026-11.xlsx").ToString();

        Assert.StartsWith("attachment", header, StringComparison.Ordinal);
        Assert.Contains("filename*=UTF-8''%E8%88%86%E6%83%85%E5%8F%B0%E8%B4%A6_2026-11.xlsx", header, StringComparison.Ordinal);
        Assert.Contains("filename=____", header, StringComparison.Ordinal);
        Assert.DoesNotContain("舆", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bot:PublicUrl", "opinionbot.example.org", "Bot:PublicUrl")]
    [InlineData("Bot:PublicUrl", "ftp://opinionbot.example.org", "Bot:PublicUrl")]
    [InlineData("Bot:PublicUrl", "https://opinionbot.example.org/?x=1", "Bot:PublicUrl")]
    [InlineData("Files:LinkLifetime", "fifteen minutes", "Files:LinkLifetime")]
    [InlineData("Files:LinkLifetime", "00:00:00", "Files:LinkLifetime")]
    [InlineData("Files:LinkLifetime", "8.00:00:00", "Files:LinkLifetime")]
    public void Bad_download_settings_are_named_at_start(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Contains(ConfigurationProblems.Find(configuration, "Production"), p => p.StartsWith(named, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://opinionbot.example.org")]
    [InlineData("https://opinionbot.example.org/bot/")]
    [InlineData("http://127.0.0.1:3978")]
    [InlineData("")]
    public void Good_download_settings_pass(string url)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bot:PublicUrl"] = url, ["Files:LinkLifetime"] = "00:15:00",
        }).Build();

        Assert.DoesNotContain(ConfigurationProblems.Find(configuration, "Production"), p => p.Contains("PublicUrl", StringComparison.Ordinal) || p.Contains("LinkLifetime", StringComparison.Ordinal));
    }
}
