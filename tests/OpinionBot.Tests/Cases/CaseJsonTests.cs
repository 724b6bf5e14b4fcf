using System.Collections;
using System.Reflection;
using System.Text.Json;
using OpinionBot.Cases;

namespace OpinionBot.Tests.Cases;

/// <summary>
/// The procedure copies each submitted case through <see cref="CaseJsonContext"/>'s source-generated JSON. A case with
/// every member set (filled by reflection, so a member added later is covered) must come out as the reflection-based
/// serialiser writes it and read back whole.
/// </summary>
public sealed class CaseJsonTests
{
    [Fact]
    public void A_case_with_every_member_set_is_written_as_by_reflection_and_read_back_whole()
    {
        var filled = (Case)Filled(typeof(Case));

        var generated = JsonSerializer.Serialize(filled, CaseJsonContext.Default.Case);
        var readBack = JsonSerializer.Deserialize(generated, CaseJsonContext.Default.Case)!;

        Assert.Equal(JsonSerializer.Serialize(filled), generated);
        Assert.Equal(generated, JsonSerializer.Serialize(readBack));
        Assert.NotEmpty(readBack.Statements);
        Assert.NotEmpty(readBack.Dispatches);
    }

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
