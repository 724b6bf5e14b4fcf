using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpinionBot.Configuration;
using OpinionBot.Records.Dossier;

namespace OpinionBot.Records.Archive;

/// <summary><c>case.json</c>: the case with its unit, statements, dispatches, owed steps and evidence list; times with the organisation's offset.</summary>
public static class CaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static byte[] Build(CaseDossier d, IReadOnlyDictionary<string, string> evidencePaths, OrganizationClock clock)
    {
        DateTimeOffset? Local(DateTimeOffset? utc) => utc is { } value ? clock.ToLocal(value) : null;
        var c = d.Case;
        var document = new
        {
            number = c.Number,
            title = c.Title,
            summary = c.Summary,
            links = c.Links,
            platform = c.Platform,
            publishedAt = Local(c.PublishedAt),
            discoveredAt = Local(c.DiscoveredAt),
            reportedAt = Local(c.ReportedAt),
            reportedOn = c.ReportedOn,
            reporter = new { key = c.ReporterKey, name = c.ReporterName },
            unit = new { id = c.UnitId, name = d.UnitName },
            cooperatingUnits = c.CooperatingUnits.Select(u => new { id = u, name = d.NameOf(u) }),
            level = c.Level,
            category = c.Category,
            flags = c.Flags,
            reach = c.Reach,
            commentTendency = c.CommentTendency,
            state = c.State,
            escalated = c.Escalated,
            nextDeadline = Local(c.NextDeadline),
            handlingResult = c.HandlingResult,
            closingReview = c.ClosingReview,
            statements = d.Case.Statements.Select(s => new
            {
                id = s.Id, kind = s.Kind, stage = s.Stage, text = s.Text, draftedBy = new { key = s.DraftedBy, name = s.DraftedByName },
                draftedAt = Local(s.DraftedAt), approvedBy = s.ApprovedByName, signedBy = s.SignedByName, publishedBy = s.PublishedByName,
                publishedAt = Local(s.PublishedAt), promisedDate = s.PromisedDate, returnReason = s.ReturnReason,
            }),
            dispatches = d.Case.Dispatches.Select(x => new
            {
                unit = new { id = x.UnitId, name = d.NameOf(x.UnitId) }, role = x.Role, at = Local(x.DispatchedAt), by = x.DispatchedByName,
                acknowledgedAt = Local(x.AcknowledgedAt), acknowledgedBy = x.AcknowledgedByName, withdrawn = x.Withdrawn,
            }),
            relatedCases = c.RelatedCases,
            reopened = c.Reopened,
            steps = d.Steps.Select(s => new
            {
                id = s.Id, clock = s.Clock, owedBy = s.OwedBy, startedAt = Local(s.StartedAt), dueAt = Local(s.DueAt),
                doneAt = Local(s.DoneAt), latenessHours = s.Lateness?.TotalHours, cancelled = s.Cancelled, slipsSent = s.SlipsSent, escalated = s.Escalated,
            }),
            evidence = d.Evidence.Select(e => new
            {
                name = e.Name, contentType = e.ContentType, size = e.Size, sha256 = e.Sha256,
                addedBy = new { key = e.AddedByKey, name = e.AddedByName }, addedAt = Local(e.AddedAt), path = evidencePaths.GetValueOrDefault(e.Id),
            }),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }
}
