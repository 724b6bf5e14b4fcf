using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Records.Register;

/// <summary>
/// An index the register needs on the owed steps: their case number padded with zeros (<c>LPAD</c>), so that within a
/// year the numbers sort numerically. On the plain <c>CaseNumber</c> index LiteDB sorts text, and a year past 9,999
/// cases puts <c>2026-10000</c> between <c>2026-1000</c> and <c>2026-1001</c>: a range of numbers would read the steps of
/// thousands of other cases. Declared here, on the Deadlines store's collection, because only the register reads by it.
/// </summary>
public sealed class RegisterIndexes(ILiteDatabase database) : ICollectionIndexes
{
    public const string StepOrder = "CaseOrder";
    public const string StepOrderExpression = "LPAD($.CaseNumber, 16, '0')";
    private const int Width = 16;

    public void EnsureIndexes() => database.GetCollection("owed_steps").EnsureIndex(StepOrder, StepOrderExpression);

    /// <summary>A case number as the index holds it.</summary>
    public static string Key(string caseNumber) => caseNumber.PadLeft(Width, '0');

    /// <summary>The steps whose case numbers lie from <paramref name="first"/> to <paramref name="last"/> (numerically, within a year).</summary>
    public static BsonExpression StepsBetween(string first, string last) =>
        BsonExpression.Create($"{StepOrderExpression} BETWEEN @0 AND @1", new BsonValue(Key(first)), new BsonValue(Key(last)));
}
