using System.Globalization;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>How our types are stored: instants as UTC BSON dates, calendar dates as <c>yyyy-MM-dd</c>, enums by name.</summary>
public static class LiteDbMapper
{
    private static readonly Lazy<BsonMapper> s_shared = new(Create);

    /// <summary>The mapper every database of this process uses: it holds no data, and mapping every type costs a fifth of a second.</summary>
    public static BsonMapper Shared => s_shared.Value;

    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false, TrimWhitespace = false };
        mapper.RegisterType<DateTimeOffset>(Instant, bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        mapper.RegisterType<DateOnly>(Day, bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        MapEveryStoredType(mapper);
        return mapper;
    }

    /// <summary>
    /// LiteDB maps a type's members the first time it reads or writes one, and publishes the map before it has filled it
    /// in: a second thread reading the same type at that moment gets objects with members missing (a step without its
    /// deadline) or "Collection was modified". So every type that can be stored is mapped here, on one thread, before
    /// the mapper is shared: each public class of this assembly that LiteDB could create (a parameterless constructor).
    /// </summary>
    private static void MapEveryStoredType(BsonMapper mapper)
    {
        var empty = new BsonDocument();
        foreach (var type in typeof(LiteDbMapper).Assembly.GetExportedTypes())
        {
            if (type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && type.GetConstructor(Type.EmptyTypes) is not null
                && type.GetProperties().Any(p => p.CanWrite))
                mapper.ToObject(type, empty);
        }
    }

    /// <summary>An instant as the mapper stores it.</summary>
    public static BsonValue Instant(DateTimeOffset value) => new(value.UtcDateTime);

    /// <summary>A calendar date as the mapper stores it.</summary>
    public static BsonValue Day(DateOnly value) => new(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Sets a member as the mapper writes it (<see cref="Instant"/>), or leaves it out when null, as the mapper does.</summary>
    public static void SetUnlessNull(this BsonDocument document, string name, DateTimeOffset? value)
    {
        if (value is { } set) document[name] = Instant(set);
    }

    /// <summary>Sets a text member, or leaves it out when null, as the mapper does.</summary>
    public static void SetUnlessNull(this BsonDocument document, string name, string? value)
    {
        if (value is not null) document[name] = value;
    }
}
