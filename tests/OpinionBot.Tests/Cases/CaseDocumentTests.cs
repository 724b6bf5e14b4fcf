using OpinionBot.Cases;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

public sealed class CaseDocumentTests
{
    private static void AssertWrittenAsTheMapperWrites(Case c) => MapperDocuments.AssertWrittenAsTheMapperWrites(c, CaseDocument.Of);

    [Fact]
    public void Every_member_filled_is_written_byte_for_byte_as_the_mapper_writes_it()
    {
        var c = (Case)FilledObjects.Filled(typeof(Case));
        c.Links.Add("https://weibo.com/2");
        c.Statements.Add(new Statement { Text = "情况通报", DraftedAt = c.ReportedAt });
        c.Dispatches.Add(new Dispatch { UnitId = "unit-2", DispatchedAt = c.ReportedAt });

        AssertWrittenAsTheMapperWrites(c);
    }

    [Fact]
    public void Members_left_empty_are_left_out_as_the_mapper_leaves_them_out()
    {
        AssertWrittenAsTheMapperWrites(new Case());
        AssertWrittenAsTheMapperWrites(new Case { Number = "2026-0001", Title = " 空格 ", Summary = "", Reach = new Reach { Views = 0 } });
    }

    [Theory]
    [InlineData(CaseState.Reported)]
    [InlineData(CaseState.Archived)]
    public void The_indexed_fields_follow_the_state_as_the_mapper_writes_them(CaseState state)
    {
        var reported = new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(8));
        AssertWrittenAsTheMapperWrites(new Case
        {
            Number = "2026-0002", UnitId = "unit-1", State = state, ReportedAt = reported, DiscoveredAt = reported.AddMinutes(-5),
            ReportedOn = new DateOnly(2026, 11, 26), Flags = [CaseFlag.Sensitive, CaseFlag.Sudden], CommentTendency = CommentTendency.Negative,
        });
    }
}
