using System.Text.RegularExpressions;

namespace OpinionBot.Cases.Intake;

/// <summary>Reads links and a title out of a pasted message, and guesses the platform from the link's host.</summary>
public static partial class LinkPaste
{
    private static readonly (string Host, Platform Platform)[] Hosts =
    [
        ("weibo.com", Platform.Weibo), ("weibo.cn", Platform.Weibo),
        ("weixin.qq.com", Platform.WeChat),
        ("douyin.com", Platform.Douyin), ("iesdouyin.com", Platform.Douyin),
        ("kuaishou.com", Platform.Kuaishou), ("gifshow.com", Platform.Kuaishou),
        ("bilibili.com", Platform.Bilibili), ("b23.tv", Platform.Bilibili),
        ("zhihu.com", Platform.Zhihu),
        ("tieba.baidu.com", Platform.Tieba),
    ];

    public static IReadOnlyList<string> Links(string text) =>
        LinkPattern().Matches(text).Select(m => m.Value.TrimEnd('.', ',', '。', '，', ')', '）')).Distinct().ToList();

    public static bool HasLinks(string text) => LinkPattern().IsMatch(text);

    /// <summary>The message without its links, squeezed to one line.</summary>
    public static string Title(string text, int maxLength)
    {
        var title = Whitespace().Replace(LinkPattern().Replace(text, " "), " ").Trim(' ', ':', '：', '-', '—', '。', '，', ',', '.', '；', ';');
        return title.Length <= maxLength ? title : title[..maxLength];
    }

    public static Platform? Guess(IReadOnlyList<string> links)
    {
        foreach (var link in links)
        {
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri)) continue;
            foreach (var (host, platform) in Hosts)
            {
                if (uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + host, StringComparison.OrdinalIgnoreCase))
                    return platform;
            }
        }

        return null;
    }

    [GeneratedRegex(@"https?://[^\s<>""'，。；、]+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
