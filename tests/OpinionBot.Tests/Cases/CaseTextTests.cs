using OpinionBot.Cases;
using OpinionBot.Cases.Intake;

namespace OpinionBot.Tests.Cases;

public sealed class CaseTextTests
{
    [Theory]
    [InlineData("2026-0042", "2026-0042")]
    [InlineData("2026-42 please", "2026-0042")]
    [InlineData("查看２０２６－００４２", "2026-0042")]
    [InlineData("2026 - 12345", "2026-12345")]
    [InlineData("no number", null)]
    [InlineData("12026-0042", null)]
    public void Finds_a_case_number_in_text(string text, string? expected) =>
        Assert.Equal(expected, CaseNumber.Find(text.Normalize(System.Text.NormalizationForm.FormKC)));

    [Fact]
    public void Finds_every_case_number_in_text() =>
        Assert.Equal(["2026-0042", "2025-0007"], CaseNumber.FindAll("关联 2026-42 与２０２５－７".Normalize(System.Text.NormalizationForm.FormKC)));

    [Fact]
    public void Reads_links_title_and_platform_from_a_pasted_message()
    {
        const string text = "网传视频：https://www.douyin.com/video/73 请关注 https://weibo.com/1/abc。";

        var links = LinkPaste.Links(text);

        Assert.Equal(["https://www.douyin.com/video/73", "https://weibo.com/1/abc"], links);
        Assert.Equal("网传视频： 请关注", LinkPaste.Title(text, 200));
        Assert.Equal(Platform.Douyin, LinkPaste.Guess(links));
        Assert.Null(LinkPaste.Guess(["https://example.com/x"]));
        Assert.Equal(Platform.WeChat, LinkPaste.Guess(["https://mp.weixin.qq.com/s/abc"]));
    }
}
