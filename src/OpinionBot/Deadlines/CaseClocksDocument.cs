using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Deadlines;

/// <summary>
/// A case's <see cref="CaseClocks"/> as the BSON mapper (<see cref="Storage.LiteDbMapper"/>) writes it, field for field
/// and in the same order, but written directly, without the mapper's reflection over the six steps' sixteen members
/// (a fifth of the cost of writing the clocks on the report path in the profile). Reading stays with the mapper. A test fills every
/// member by reflection and compares the bytes with the mapper's, so a member added to either class without adding it
/// here fails it.
/// </summary>
public static class CaseClocksDocument
{
    public static BsonDocument Of(CaseClocks clocks)
    {
        var steps = new List<BsonValue>(clocks.Steps.Count);
        foreach (var step in clocks.Steps)
            steps.Add(Of(step));
        var document = new BsonDocument { ["_id"] = clocks.CaseNumber, [nameof(CaseClocks.Steps)] = new BsonArray(steps) };
        document.SetUnlessNull(nameof(CaseClocks.NextSlipAt), clocks.NextSlipAt);
        if (clocks.OpenDueKey is { } openDueKey) document[nameof(CaseClocks.OpenDueKey)] = openDueKey;
        document[nameof(CaseClocks.DueWeeks)] = Weeks(clocks.DueWeeks);
        document[nameof(CaseClocks.DoneWeeks)] = Weeks(clocks.DoneWeeks);
        return document;
    }

    private static BsonDocument Of(OwedStep step)
    {
        var document = new BsonDocument
        {
            ["_id"] = step.Id,
            [nameof(OwedStep.CaseNumber)] = step.CaseNumber,
            [nameof(OwedStep.UnitId)] = step.UnitId,
            [nameof(OwedStep.Clock)] = step.Clock.ToString(),
            [nameof(OwedStep.OwedBy)] = step.OwedBy.ToString(),
            [nameof(OwedStep.StartedAt)] = LiteDbMapper.Instant(step.StartedAt),
            [nameof(OwedStep.DueAt)] = LiteDbMapper.Instant(step.DueAt),
            [nameof(OwedStep.SlipsFrom)] = LiteDbMapper.Instant(step.SlipsFrom),
            [nameof(OwedStep.Open)] = step.Open,
        };
        document.SetUnlessNull(nameof(OwedStep.OpenDueAt), step.OpenDueAt);
        document.SetUnlessNull(nameof(OwedStep.NextSlipAt), step.NextSlipAt);
        document.SetUnlessNull(nameof(OwedStep.DoneAt), step.DoneAt);
        if (step.Lateness is { } lateness) document[nameof(OwedStep.Lateness)] = lateness.Ticks;
        document[nameof(OwedStep.Cancelled)] = step.Cancelled;
        document[nameof(OwedStep.SlipsSent)] = step.SlipsSent;
        document[nameof(OwedStep.Escalated)] = step.Escalated;
        document[nameof(OwedStep.OnTime)] = step.OnTime;
        return document;
    }

    private static BsonArray Weeks(List<long> weeks)
    {
        var array = new List<BsonValue>(weeks.Count);
        foreach (var week in weeks)
            array.Add(week);
        return new BsonArray(array);
    }
}
