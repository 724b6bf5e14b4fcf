using LiteDB;

namespace OpinionBot.Storage;

/// <summary>
/// A LiteDB expression parsed once per thread and then reused with new parameter values (<c>@0</c>, <c>@1</c>).
/// LiteDB tokenises and parses every expression it is handed (and translates a LINQ predicate into such a string
/// first); on hot paths that costs more than the lookup itself. The values are set on the calling thread's own copy,
/// so run the query at once (enumerate it to the end) before preparing the next one with the same expression.
/// </summary>
public sealed class PreparedExpression(string source)
{
    private readonly ThreadLocal<BsonExpression> _parsed = new(() => BsonExpression.Create(source, BsonValue.Null, BsonValue.Null));

    public string Source => source;

    public BsonExpression With(BsonValue p0)
    {
        var expression = _parsed.Value!;
        expression.Parameters["0"] = p0;
        return expression;
    }

    public BsonExpression With(BsonValue p0, BsonValue p1)
    {
        var expression = With(p0);
        expression.Parameters["1"] = p1;
        return expression;
    }
}

/// <summary>Lookups by id or one indexed field, without LiteDB parsing the query again on every call (as its <c>FindById</c> does).</summary>
public static class PreparedLookups
{
    private static readonly PreparedExpression IdEquals = new("$._id = @0");
    private static readonly BsonExpression IdOnly = BsonExpression.Create("{ k: $._id }");

    public static T? Get<T>(this ILiteCollection<T> collection, BsonValue id) where T : class =>
        collection.Find(IdEquals.With(id)).FirstOrDefault();

    /// <summary>Whether a document has this id, from the index alone.</summary>
    public static bool Has<T>(this ILiteCollection<T> collection, BsonValue id) => collection.Any(IdEquals.With(id), IdOnly);

    /// <summary>
    /// Whether any document matches <paramref name="predicate"/>; with <paramref name="keyOnly"/> selecting just the
    /// indexed field the predicate tests (<c>{ k: $.Field }</c>), LiteDB answers from the index without reading a document.
    /// </summary>
    public static bool Any<T>(this ILiteCollection<T> collection, BsonExpression predicate, BsonExpression keyOnly) =>
        collection.Query().Where(predicate).Select(keyOnly).Limit(1).ToDocuments().Any();

    /// <summary>How many documents match <paramref name="predicate"/>, from the index alone when <paramref name="keyOnly"/> selects just its field (Count would read each one).</summary>
    public static int Count<T>(this ILiteCollection<T> collection, BsonExpression predicate, BsonExpression keyOnly) =>
        collection.Query().Where(predicate).Select(keyOnly).ToDocuments().Count();
}
