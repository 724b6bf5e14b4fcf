using LiteDB;

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
        Put(document, nameof(Case.PublishedAt), c.PublishedAt);
        document[nameof(Case.DiscoveredAt)] = c.DiscoveredAt.UtcDateTime;
        document[nameof(Case.ReportedAt)] = c.ReportedAt.UtcDateTime;
        document[nameof(Case.ReporterKey)] = c.ReporterKey;
        document[nameof(Case.ReporterName)] = c.ReporterName;
        document[nameof(Case.UnitId)] = c.UnitId;
        document[nameof(Case.CooperatingUnits)] = Texts(c.CooperatingUnits);
        document[nameof(Case.Level)] = c.Level.ToString();
        document[nameof(Case.Category)] = c.Category.ToString();
        document[nameof(Case.Flags)] = new BsonArray(c.Flags.ConvertAll(flag => new BsonValue(flag.ToString())));
        document[nameof(Case.Reach)] = Of(c.Reach);
        Put(document, nameof(Case.CommentTendency), c.CommentTendency?.ToString());
        document[nameof(Case.State)] = c.State.ToString();
        Put(document, nameof(Case.NextDeadline), c.NextDeadline);
        document[nameof(Case.ReportedOn)] = Day(c.ReportedOn);
        document[nameof(Case.Version)] = c.Version;
        Put(document, nameof(Case.PendingQuestion), c.PendingQuestion);
        Put(document, nameof(Case.QuestionAskedBy), c.QuestionAskedBy);
        document[nameof(Case.Statements)] = new BsonArray(c.Statements.ConvertAll(s => (BsonValue)Of(s)));
        document[nameof(Case.Dispatches)] = new BsonArray(c.Dispatches.ConvertAll(d => (BsonValue)Of(d)));
        Put(document, nameof(Case.HandlingResult), c.HandlingResult);
        document[nameof(Case.Reopened)] = c.Reopened;
        document[nameof(Case.Escalated)] = c.Escalated;
        Put(document, nameof(Case.ClosingReview), c.ClosingReview);
        document[nameof(Case.RelatedCases)] = Texts(c.RelatedCases);
        Put(document, nameof(Case.OpenUnitId), c.OpenUnitId);
        Put(document, nameof(Case.WaitingSince), c.WaitingSince);
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
        if (s.PromisedDate is { } promised) document[nameof(Statement.PromisedDate)] = Day(promised);
        document[nameof(Statement.DraftedBy)] = s.DraftedBy;
        document[nameof(Statement.DraftedByName)] = s.DraftedByName;
        document[nameof(Statement.DraftedAt)] = s.DraftedAt.UtcDateTime;
        Put(document, nameof(Statement.ApprovedByName), s.ApprovedByName);
        Put(document, nameof(Statement.SignedByName), s.SignedByName);
        Put(document, nameof(Statement.PublishedByName), s.PublishedByName);
        Put(document, nameof(Statement.PublishedAt), s.PublishedAt);
        Put(document, nameof(Statement.ReturnReason), s.ReturnReason);
        return document;
    }

    private static BsonDocument Of(Dispatch d)
    {
        var document = new BsonDocument
        {
            [nameof(Dispatch.UnitId)] = d.UnitId,
            [nameof(Dispatch.Role)] = d.Role.ToString(),
            [nameof(Dispatch.DispatchedAt)] = d.DispatchedAt.UtcDateTime,
            [nameof(Dispatch.DispatchedByName)] = d.DispatchedByName,
        };
        Put(document, nameof(Dispatch.AcknowledgedByName), d.AcknowledgedByName);
        Put(document, nameof(Dispatch.AcknowledgedAt), d.AcknowledgedAt);
        document[nameof(Dispatch.Withdrawn)] = d.Withdrawn;
        return document;
    }

    private static BsonArray Texts(List<string> texts) => new(texts.ConvertAll(text => new BsonValue(text)));

    /// <summary>As <see cref="Storage.LiteDbMapper"/>: a calendar date as <c>yyyy-MM-dd</c>.</summary>
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>As the mapper: an instant as its UTC date, nothing at all for null.</summary>
    private static void Put(BsonDocument document, string name, DateTimeOffset? at)
    {
        if (at is { } value) document[name] = value.UtcDateTime;
    }

    /// <summary>As the mapper: nothing at all for null.</summary>
    private static void Put(BsonDocument document, string name, string? text)
    {
        if (text is not null) document[name] = text;
    }
}
