using LiteDB;
using OpinionBot.Deadlines;
using OpinionBot.Storage;

namespace OpinionBot.Records.Register;

/// <summary>
/// The index the register reads the owed steps by: the Deadlines store's <see cref="OwedStepStore.CaseOrderIndex"/> on
/// each case's clocks document, its case number padded with zeros (<c>LPAD</c>), so that within a year the numbers sort numerically. On plain
/// text LiteDB would put <c>2026-10000</c> between <c>2026-1000</c> and <c>2026-1001</c>, and a range of numbers would
/// read the clocks of thousands of other cases.
/// </summary>
public sealed class RegisterIndexes(ILiteDatabase database) : ICollectionIndexes
{
    public const string StepOrder = OwedStepStore.CaseOrderIndex;
    public const string StepOrderExpression = OwedStepStore.CaseOrderExpression;

    public void EnsureIndexes() => database.GetCollection(OwedStepStore.Collection).EnsureIndex(StepOrder, StepOrderExpression);

    /// <summary>A case number as the index holds it.</summary>
    public static string Key(string caseNumber) => OwedStepStore.CaseOrderKey(caseNumber);

    /// <summary>The clocks documents whose case numbers lie from <paramref name="first"/> to <paramref name="last"/> (numerically, within a year).</summary>
    public static BsonExpression StepsBetween(string first, string last) =>
        BsonExpression.Create($"{StepOrderExpression} BETWEEN @0 AND @1", new BsonValue(Key(first)), new BsonValue(Key(last)));
}
