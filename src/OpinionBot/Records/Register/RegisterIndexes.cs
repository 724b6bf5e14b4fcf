using LiteDB;
using OpinionBot.Deadlines;

namespace OpinionBot.Records.Register;

/// <summary>
/// How the register reads the owed steps: by ranges of the Deadlines store's <see cref="OwedStepStore.CaseOrderIndex"/>
/// (made by that store) on each case's clocks document, its case number padded with zeros (<c>LPAD</c>), so that within
/// a year the numbers sort numerically. On plain text LiteDB would put <c>2026-10000</c> between <c>2026-1000</c> and
/// <c>2026-1001</c>, and a range of numbers would read the clocks of thousands of other cases.
/// </summary>
public static class RegisterIndexes
{
    /// <summary>A case number as the index holds it.</summary>
    public static string Key(string caseNumber) => OwedStepStore.CaseOrderKey(caseNumber);

    /// <summary>The clocks documents whose case numbers lie from <paramref name="first"/> to <paramref name="last"/> (numerically, within a year).</summary>
    public static BsonExpression StepsBetween(string first, string last) =>
        BsonExpression.Create($"{OwedStepStore.CaseOrderExpression} BETWEEN @0 AND @1", new BsonValue(Key(first)), new BsonValue(Key(last)));
}
