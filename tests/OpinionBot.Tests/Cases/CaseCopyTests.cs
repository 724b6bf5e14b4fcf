using System.Collections;
using System.Text.Json;
using OpinionBot.Cases;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Cases;

/// <summary>
/// The procedure runs each report on <see cref="Case.Copy"/> of the submission. A case with every member set (filled
/// by reflection, so a member added later is covered) must be copied whole, and the copy must share nothing that can be
/// changed: no list, no nested object.
/// </summary>
public sealed class CaseCopyTests
{
    [Fact]
    public void A_copy_holds_every_member_and_shares_nothing_changeable()
    {
        var filled = (Case)FilledObjects.Filled(typeof(Case));

        var copy = filled.Copy();

        Assert.Equal(JsonSerializer.Serialize(filled), JsonSerializer.Serialize(copy));
        Assert.NotEmpty(copy.Statements);
        Assert.NotEmpty(copy.Dispatches);
        AssertSharesNothing(filled, copy, nameof(Case));
    }

    private static void AssertSharesNothing(object original, object copy, string path)
    {
        Assert.False(ReferenceEquals(original, copy), $"{path} is shared by the copy");
        if (original is IList list)
        {
            var copied = (IList)copy;
            for (var i = 0; i < list.Count; i++)
                if (list[i] is { } item && !IsUnchangeable(item.GetType()))
                    AssertSharesNothing(item, copied[i]!, $"{path}[{i}]");
            return;
        }

        foreach (var property in original.GetType().GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            if (property.GetValue(original) is { } value && !IsUnchangeable(value.GetType()))
                AssertSharesNothing(value, property.GetValue(copy)!, $"{path}.{property.Name}");
    }

    private static bool IsUnchangeable(Type type) => type.IsValueType || type == typeof(string);
}
