using OpinionBot.Approvals;
using OpinionBot.Cases;
using OpinionBot.Procedure;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Approvals;

public sealed class ApprovalRequestDocumentTests
{
    private static void AssertWrittenAsTheMapperWrites(ApprovalRequest request) => MapperDocuments.AssertWrittenAsTheMapperWrites(request, ApprovalRequestDocument.Of);

    [Fact]
    public void Every_member_filled_is_written_byte_for_byte_as_the_mapper_writes_it()
    {
        var request = (ApprovalRequest)FilledObjects.Filled(typeof(ApprovalRequest));
        request.Outcome = (ApprovalOutcome)FilledObjects.Filled(typeof(ApprovalOutcome));

        AssertWrittenAsTheMapperWrites(request);
    }

    [Fact]
    public void Members_left_empty_are_left_out_as_the_mapper_leaves_them_out() =>
        AssertWrittenAsTheMapperWrites(new ApprovalRequest { CaseNumber = "2026-0001", Stage = ApprovalStage.CaseReview });

    [Fact]
    public void A_request_added_is_found_again_with_its_case()
    {
        using var db = new TestDatabase();
        var store = new ApprovalStore(db.Database);
        store.EnsureIndexes();
        var request = new ApprovalRequest
        {
            CaseNumber = "2026-0007", Stage = ApprovalStage.CaseReview, UnitId = "propaganda", ServiceUrl = "https://smba.example/",
            ConversationId = "a:leader", Language = "zh-CN", ApproverKeys = ["leader@contoso.example"], OutboxMessageId = 12,
            SentAt = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero),
        };

        store.Add(request);

        Assert.Equivalent(request, store.Find(request.Id), strict: true);
        Assert.Equal(request.Id, Assert.Single(store.Open("2026-0007")).Id);
    }
}
