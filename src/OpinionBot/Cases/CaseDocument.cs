using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Cases;

/// <summary>
/// A <see cref="Case"/> as the BSON mapper (<see cref="Storage.LiteDbMapper"/>) writes it, field for field and in the
/// same order, but written directly, without the mapper's reflection and boxing (5 % of the report path's writer
/// thread in the profile). Reading stays with the mapper. A test fills every member by reflection and compares the bytes with the
/// mapper's, so a member added to a case, a statement or a dispatch without adding it here fails it.
/// </summary>
public static class CaseDocument
{
    public static BsonDocument Of(Case c)
    {
        var document = new BsonDocument
        {
            ["_id"] = c.Number,
            [nameof(Case.Year)] = c.Year,
            [nameof(Case.Sequence)] = c.Sequence,
            [nameof(Case.SubmissionId)] = c.SubmissionId,
            [nameof(Case.Title)] = c.Title,
            [nameof(Case.Summary)] = c.Summary,
            [nameof(Case.Links)] = Texts(c.Links),
            [nameof(Case.Platform)] = c.Platform.ToString(),
        };
        document.SetUnlessNull(nameof(Case.PublishedAt), c.PublishedAt);
        document[nameof(Case.DiscoveredAt)] = LiteDbMapper.Instant(c.DiscoveredAt);
        document[nameof(Case.ReportedAt)] = LiteDbMapper.Instant(c.ReportedAt);
        document[nameof(Case.ReporterKey)] = c.ReporterKey;
        document[nameof(Case.ReporterName)] = c.ReporterName;
        document[nameof(Case.UnitId)] = c.UnitId;
        document[nameof(Case.CooperatingUnits)] = Texts(c.CooperatingUnits);
        document[nameof(Case.Level)] = c.Level.ToString();
        document[nameof(Case.Category)] = c.Category.ToString();
        document[nameof(Case.Flags)] = new BsonArray(c.Flags.ConvertAll(flag => new BsonValue(flag.ToString())));
        document[nameof(Case.Reach)] = Of(c.Reach);
        document.SetUnlessNull(nameof(Case.CommentTendency), c.CommentTendency?.ToString());
        document[nameof(Case.State)] = c.State.ToString();
        document.SetUnlessNull(nameof(Case.NextDeadline), c.NextDeadline);
        document[nameof(Case.ReportedOn)] = LiteDbMapper.Day(c.ReportedOn);
        document[nameof(Case.Version)] = c.Version;
        document.SetUnlessNull(nameof(Case.PendingQuestion), c.PendingQuestion);
        document.SetUnlessNull(nameof(Case.QuestionAskedBy), c.QuestionAskedBy);
        document[nameof(Case.Statements)] = new BsonArray(c.Statements.ConvertAll(s => (BsonValue)Of(s)));
        document[nameof(Case.Dispatches)] = new BsonArray(c.Dispatches.ConvertAll(d => (BsonValue)Of(d)));
        document.SetUnlessNull(nameof(Case.HandlingResult), c.HandlingResult);
        document[nameof(Case.Reopened)] = c.Reopened;
        document[nameof(Case.Escalated)] = c.Escalated;
        document.SetUnlessNull(nameof(Case.ClosingReview), c.ClosingReview);
        document[nameof(Case.RelatedCases)] = Texts(c.RelatedCases);
        document.SetUnlessNull(nameof(Case.OpenUnitId), c.OpenUnitId);
        document.SetUnlessNull(nameof(Case.WaitingSince), c.WaitingSince);
        return document;
    }

    private static BsonDocument Of(Reach reach)
    {
        var document = new BsonDocument();
        if (reach.Reposts is { } reposts) document[nameof(Reach.Reposts)] = reposts;
        if (reach.Comments is { } comments) document[nameof(Reach.Comments)] = comments;
        if (reach.Views is { } views) document[nameof(Reach.Views)] = views;
        return document;
    }

    private static BsonDocument Of(Statement s)
    {
        var document = new BsonDocument
        {
            ["_id"] = s.Id, // the mapper takes a member named Id for the id
            [nameof(Statement.Kind)] = s.Kind.ToString(),
            [nameof(Statement.Text)] = s.Text,
            [nameof(Statement.Stage)] = s.Stage.ToString(),
        };
        if (s.PromisedDate is { } promised) document[nameof(Statement.PromisedDate)] = LiteDbMapper.Day(promised);
        document[nameof(Statement.DraftedBy)] = s.DraftedBy;
        document[nameof(Statement.DraftedByName)] = s.DraftedByName;
        document[nameof(Statement.DraftedAt)] = LiteDbMapper.Instant(s.DraftedAt);
        document.SetUnlessNull(nameof(Statement.ApprovedByName), s.ApprovedByName);
        document.SetUnlessNull(nameof(Statement.SignedByName), s.SignedByName);
        document.SetUnlessNull(nameof(Statement.PublishedByName), s.PublishedByName);
        document.SetUnlessNull(nameof(Statement.PublishedAt), s.PublishedAt);
        document.SetUnlessNull(nameof(Statement.ReturnReason), s.ReturnReason);
        return document;
    }

    private static BsonDocument Of(Dispatch d)
    {
        var document = new BsonDocument
        {
            [nameof(Dispatch.UnitId)] = d.UnitId,
            [nameof(Dispatch.Role)] = d.Role.ToString(),
            [nameof(Dispatch.DispatchedAt)] = LiteDbMapper.Instant(d.DispatchedAt),
            [nameof(Dispatch.DispatchedByName)] = d.DispatchedByName,
        };
        document.SetUnlessNull(nameof(Dispatch.AcknowledgedByName), d.AcknowledgedByName);
        document.SetUnlessNull(nameof(Dispatch.AcknowledgedAt), d.AcknowledgedAt);
        document[nameof(Dispatch.Withdrawn)] = d.Withdrawn;
        return document;
    }

    private static BsonArray Texts(List<string> texts) => new(texts.ConvertAll(text => new BsonValue(text)));
}
