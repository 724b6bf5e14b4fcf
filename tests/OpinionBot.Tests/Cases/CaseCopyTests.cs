using System.Collections;
using System.Text.Json;
using OpinionBot.Cases;

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
        var filled = (Case)Filled(typeof(Case));

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

    private static int _counter;

    private static object Filled(Type type)
    {
        var instance = Activator.CreateInstance(type)!;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            property.SetValue(instance, Value(property.PropertyType, $"{type.Name}.{property.Name}"));
        return instance;
    }

    private static object Value(Type type, string where)
    {
        var n = ++_counter;
        var kind = Nullable.GetUnderlyingType(type) ?? type;
        if (kind == typeof(string)) return $"{where}-{n}";
        if (kind == typeof(bool)) return true;
        if (kind == typeof(int)) return n;
        if (kind == typeof(long)) return 1_000_000_000_000L + n;
        if (kind == typeof(double)) return n + 0.5;
        if (kind == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, n % 28 + 1, 8, n % 60, 0, TimeSpan.FromHours(8));
        if (kind == typeof(DateTime)) return new DateTime(2026, 11, n % 28 + 1, 8, n % 60, 0, DateTimeKind.Utc);
        if (kind == typeof(DateOnly)) return new DateOnly(2026, 11, n % 28 + 1);
        if (kind == typeof(TimeSpan)) return TimeSpan.FromMinutes(n);
        if (kind.IsEnum) return Enum.GetValues(kind).GetValue(Enum.GetValues(kind).Length - 1)!;
        if (kind.IsGenericType && kind.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(kind)!;
            list.Add(Value(kind.GetGenericArguments()[0], where));
            return list;
        }

        if (kind.IsClass && kind.GetConstructor(Type.EmptyTypes) is not null && kind.Namespace?.StartsWith("OpinionBot", StringComparison.Ordinal) == true)
            return Filled(kind);
        throw new InvalidOperationException($"The test does not know how to fill {where} ({kind.Name}); teach it.");
    }
}
