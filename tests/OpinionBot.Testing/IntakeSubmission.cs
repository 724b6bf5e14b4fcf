namespace OpinionBot.Testing;

/// <summary>The data of a filled-in intake card as Teams posts it (inputs merged into the action's data).</summary>
public static class IntakeSubmission
{
    public static Dictionary<string, string> Valid(string? submissionId = null, string unit = TestRoster.Unit1) => new()
    {
        ["submissionId"] = submissionId ?? Guid.NewGuid().ToString("N"),
        ["lang"] = "zh-CN",
        ["title"] = "某校食堂视频引发关注",
        ["links"] = "https://weibo.com/1234567890/PqRsTuV\nhttps://www.douyin.com/video/7300000000000000000",
        ["platform"] = "Weibo",
        ["publishedDate"] = "2026-11-23",
        ["publishedTime"] = "08:00",
        ["discoveredDate"] = "2026-11-23",
        ["discoveredTime"] = "09:30",
        ["level"] = "III",
        ["category"] = "NegativeReport",
        ["flags"] = "Sensitive,BigV",
        ["reposts"] = "120",
        ["comments"] = "45",
        ["views"] = "10000",
        ["tendency"] = "Negative",
        ["summary"] = "网传视频称食堂卫生问题，转发量上升。",
        ["unit"] = unit,
    };

    public static Dictionary<string, string> With(this Dictionary<string, string> data, string key, string value)
    {
        data[key] = value;
        return data;
    }
}
