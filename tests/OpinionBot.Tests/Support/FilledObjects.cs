using System.Collections;

namespace OpinionBot.Tests.Support;

/// <summary>
/// Objects with every settable member set, by reflection, to a value other than the one it had (nested objects, and lists
/// holding one filled item, too): a test over them covers members added later. A type it cannot fill fails the test.
/// </summary>
public static class FilledObjects
{
    private static int _counter;

    public static object Filled(Type type) => Fill(Activator.CreateInstance(type)!);

    public static object Fill(object target)
    {
        foreach (var property in target.GetType().GetProperties().Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
            property.SetValue(target, Value(property.PropertyType, $"{target.GetType().Name}.{property.Name}", property.GetValue(target)));
        return target;
    }

    private static object Value(Type type, string where, object? current)
    {
        var n = Interlocked.Increment(ref _counter);
        var kind = Nullable.GetUnderlyingType(type) ?? type;
        if (kind == typeof(string)) return $"{where}-{n}";
        if (kind == typeof(bool)) return !(current as bool? ?? false);
        if (kind == typeof(int)) return n;
        if (kind == typeof(long)) return 1_000_000_000_000L + n;
        if (kind == typeof(double)) return n + 0.5;
        if (kind == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 11, n % 28 + 1, 8, n % 60, 0, TimeSpan.FromHours(8));
        if (kind == typeof(DateTime)) return new DateTime(2026, 11, n % 28 + 1, 8, n % 60, 0, DateTimeKind.Utc);
        if (kind == typeof(DateOnly)) return new DateOnly(2026, 11, n % 28 + 1);
        if (kind == typeof(TimeSpan)) return TimeSpan.FromMinutes(n);
        if (kind == typeof(LiteDB.ObjectId)) return LiteDB.ObjectId.NewObjectId();
        if (kind.IsEnum) return Enum.GetValues(kind).GetValue(Enum.GetValues(kind).Length - 1)!;
        if (kind.IsGenericType && kind.GetGenericTypeDefinition() == typeof(List<>))
        {
            var list = (IList)Activator.CreateInstance(kind)!;
            list.Add(Value(kind.GetGenericArguments()[0], where, null));
            return list;
        }

        if (kind.IsClass && kind.GetConstructor(Type.EmptyTypes) is not null && kind.Namespace?.StartsWith("OpinionBot", StringComparison.Ordinal) == true)
            return Filled(kind);
        throw new InvalidOperationException($"The test does not know how to fill {where} ({kind.Name}); teach it.");
    }
}
