using System.Globalization;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>How our types are stored: instants as UTC BSON dates, calendar dates as <c>yyyy-MM-dd</c>, enums by name.</summary>
public static class LiteDbMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false, TrimWhitespace = false };
        mapper.RegisterType<DateTimeOffset>(Instant, bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        mapper.RegisterType<DateOnly>(Day, bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return mapper;
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
