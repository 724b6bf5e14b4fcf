using LiteDB;

namespace OpinionBot.Cases;

/// <summary>
/// The fields LiteDB indexes cases by for open and waiting cases (<see cref="Case.OpenUnitId"/>, <see cref="Case.WaitingSince"/>),
/// stored with each case. They replace the former <c>UnitId</c> and <c>State</c> indexes and the <c>WaitingSince</c>
/// expression index: one index key fewer per case written, none changed by a move between open states, and counts
/// answered from index keys alone.
/// </summary>
public static class IndexedCaseFields
{
    public const string OpenUnitIndex = nameof(Case.OpenUnitId);
    public const string WaitingSinceIndex = nameof(Case.WaitingSince);

    /// <summary>
    /// Open cases, through the index: any unit. The bound is the empty text, not null: LiteDB starts a range by
    /// stepping over every key equal to its bound, and the keys of closed cases (most of them) are null.
    /// </summary>
    public static readonly BsonExpression OpenCases = BsonExpression.Create($"$.{OpenUnitIndex} >= @0", new BsonValue(""));

    /// <summary>Cases waiting for a leader, through the index: any time (bounded likewise above null).</summary>
    public static readonly BsonExpression WaitingCases = BsonExpression.Create($"$.{WaitingSinceIndex} > @0", new BsonValue(DateTime.MinValue));

    /// <summary>Selects only the indexed field, so that LiteDB counts from the index keys without reading a case.</summary>
    public static readonly BsonExpression OpenUnitKey = BsonExpression.Create($"$.{OpenUnitIndex}");

    /// <summary>The same for <see cref="WaitingSinceIndex"/>.</summary>
    public static readonly BsonExpression WaitingSinceKey = BsonExpression.Create($"$.{WaitingSinceIndex}");

    private const int Chunk = 5000;

    private static readonly string[] FormerIndexes = [nameof(Case.UnitId), nameof(Case.State), WaitingSinceIndex, nameof(Case.NextDeadline)];

    /// <summary>
    /// Once, on a data file from before these fields: drops the indexes they replace and writes the two fields into
    /// every case, a range of ids at a time (one LiteDB statement holds every page it touches until it ends). The
    /// <see cref="OpenUnitIndex"/> index, created after this returns, marks the work done; a start interrupted half-way
    /// does it again.
    /// </summary>
    public static void WriteIntoFormerCases(ILiteDatabase database, ILiteCollection<Case> cases)
    {
        if (HasIndex(database, OpenUnitIndex)) return;
        foreach (var index in FormerIndexes)
            cases.DropIndex(index);

        var transform = BsonExpression.Create($"{{ {nameof(Case.OpenUnitId)}: IIF({Any(s => !s.IsOpen())}, null, $.{nameof(Case.UnitId)}), " +
            $"{nameof(Case.WaitingSince)}: IIF({Any(s => s.IsWaitingForLeader())}, $.{nameof(Case.ReportedAt)}, null) }}");
        BsonValue? after = null;
        while (true)
        {
            var ids = cases.Query()
                .Where(after is null ? BsonExpression.Create("$._id > @0", BsonValue.MinValue) : BsonExpression.Create("$._id > @0", after))
                .Select(BsonExpression.Create("$._id")).Limit(Chunk).ToDocuments().Select(d => d["_id"]).ToList();
            if (ids.Count == 0) return;
            cases.UpdateMany(transform, BsonExpression.Create("$._id BETWEEN @0 AND @1", ids[0], ids[^1]));
            after = ids[^1];
        }
    }

    private static string Any(Func<CaseState, bool> states) =>
        "(" + string.Join(" OR ", Enum.GetValues<CaseState>().Where(states).Select(s => $"$.{nameof(Case.State)} = '{s}'")) + ")";

    private static bool HasIndex(ILiteDatabase database, string name) =>
        database.GetCollection("$indexes").Query()
            .Where(BsonExpression.Create("$.collection = @0 AND $.name = @1", new BsonValue(CaseStore.Collection), new BsonValue(name)))
            .ToDocuments().Any();
}
