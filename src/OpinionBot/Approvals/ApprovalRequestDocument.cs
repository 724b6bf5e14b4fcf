using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Approvals;

/// <summary>
/// An <see cref="ApprovalRequest"/> as the BSON mapper writes it, field for field and in the same order, written
/// directly: every report adds one inside the store's single writer. Reading stays with the mapper. A test fills every
/// member by reflection and compares the bytes with the mapper's, so a member added without adding it here fails it.
/// </summary>
public static class ApprovalRequestDocument
{
    public static BsonDocument Of(ApprovalRequest request)
    {
        var document = new BsonDocument
        {
            ["_id"] = request.Id,
            [nameof(ApprovalRequest.CaseNumber)] = request.CaseNumber,
            [nameof(ApprovalRequest.Stage)] = request.Stage.ToString(),
            [nameof(ApprovalRequest.UnitId)] = request.UnitId,
        };
        if (request.StatementId is { } statementId) document[nameof(ApprovalRequest.StatementId)] = statementId;
        document[nameof(ApprovalRequest.ServiceUrl)] = request.ServiceUrl;
        document[nameof(ApprovalRequest.ConversationId)] = request.ConversationId;
        document[nameof(ApprovalRequest.Shared)] = request.Shared;
        document.SetUnlessNull(nameof(ApprovalRequest.ActivityId), request.ActivityId);
        if (request.OutboxMessageId is { } outboxMessageId) document[nameof(ApprovalRequest.OutboxMessageId)] = outboxMessageId;
        document[nameof(ApprovalRequest.Language)] = request.Language;
        document[nameof(ApprovalRequest.ApproverKeys)] = new BsonArray(request.ApproverKeys.ConvertAll(key => new BsonValue(key)));
        document[nameof(ApprovalRequest.SentAt)] = LiteDbMapper.Instant(request.SentAt);
        document[nameof(ApprovalRequest.Closed)] = request.Closed;
        if (request.Outcome is { } outcome)
        {
            document[nameof(ApprovalRequest.Outcome)] = new BsonDocument
            {
                [nameof(ApprovalOutcome.Kind)] = outcome.Kind.ToString(),
                [nameof(ApprovalOutcome.ActorName)] = outcome.ActorName,
                [nameof(ApprovalOutcome.At)] = LiteDbMapper.Instant(outcome.At),
                [nameof(ApprovalOutcome.Comment)] = outcome.Comment,
            };
        }

        return document;
    }
}
