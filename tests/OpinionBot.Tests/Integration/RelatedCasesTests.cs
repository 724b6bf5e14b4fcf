using OpinionBot.Testing;

namespace OpinionBot.Tests.Integration;

/// <summary><c>link</c> / <c>关联</c>: two cases about the same matter, linked both ways, once, by those who may see both.</summary>
public sealed class RelatedCasesTests : ApprovalTestBase
{
    private static readonly object OtherOfficer = TeamsActivities.User(TestRoster.OfficerByEmailTeamsId, name: "Chen Jing");

    [Fact]
    public async Task Linking_is_symmetric_recorded_on_both_timelines_shown_on_both_cards_and_idempotent()
    {
        var first = await ReportAsync();
        var second = await ReportAsync();

        var done = await SayAsync($"关联 {second} {first}");
        Assert.Equal($"事件 **{second}** 与 **{first}** 已标记为关联，两个事件的时间线均已记录。", done.Text);

        var again = await SayAsync($"link {first} {second}", locale: "en-US");
        Assert.Equal($"Cases {first} and {second} were already linked; nothing changed.", again.Text);

        Assert.Equal(1, EventCount(first, "Linked"));
        Assert.Equal(1, EventCount(second, "Linked"));
        var card = Text((await SayAsync($"查看 {first}")).Card);
        Assert.Contains($"\"title\":\"关联事件\",\"value\":\"{second}\"", card);
        Assert.Contains($"关联事件 — {second}", card);
        Assert.Contains($"\"title\":\"关联事件\",\"value\":\"{first}\"", Text((await SayAsync($"查看 {second}")).Card));
    }

    [Fact]
    public async Task Someone_who_cannot_see_both_cases_is_refused_and_nothing_changes()
    {
        Connector.MemberEmails[TestRoster.OfficerByEmailTeamsId] = TestRoster.OfficerEmail;
        Connector.MemberEmails[TestRoster.OfficeTeamsId] = TestRoster.OfficeEmail;
        var ours = await ReportAsync();
        var theirs = await ReportAsync(IntakeSubmission.Valid(unit: TestRoster.Unit2).With("lang", "zh-CN"), OtherOfficer);

        var refused = await SayAsync($"关联 {ours} {theirs}");
        Assert.Equal($"您无权查看事件 {theirs}：它属于其他单位。", refused.Text);
        var refusedToo = await SayAsync($"关联 {theirs} {ours}", OtherOfficer);
        Assert.Equal($"您无权查看事件 {ours}：它属于其他单位。", refusedToo.Text);
        Assert.Equal(0, EventCount(ours, "Linked"));

        var byOffice = await SayAsync($"关联 {ours} {theirs}", Office);
        Assert.StartsWith($"事件 **{ours}** 与 **{theirs}** 已标记为关联", byOffice.Text);
    }

    [Theory]
    [InlineData("关联 2026-0001", "请写明两个事件编号，例如 **关联 2026-0042 2026-0040**。")]
    [InlineData("关联 2026-0001 2026-1 2026-0002", "请写明两个事件编号，例如 **关联 2026-0042 2026-0040**。")]
    [InlineData("关联 2026-0001 2026-1", "事件不能与自身关联（2026-0001）。")]
    [InlineData("关联 2026-0001 2026-0999", "没有编号为 2026-0999 的事件。")]
    [InlineData("link 2026-0999 2026-0001", "There is no case 2026-0999.")]
    public async Task Bad_input_gets_a_clear_answer(string text, string expected)
    {
        await ReportAsync();

        var reply = await SayAsync(text, locale: text.StartsWith("link", StringComparison.Ordinal) ? "en-US" : "zh-CN");

        Assert.Equal(expected, reply.Text);
        Assert.Equal(0, EventCount("2026-0001", "Linked"));
    }

    private async Task<string> ReportAsync(Dictionary<string, string> data, object from)
    {
        var body = await SubmitAsync(data, from);
        return System.Text.RegularExpressions.Regex.Match(Text(body.GetProperty("value")), @"\d{4}-\d{4}").Value;
    }
}
