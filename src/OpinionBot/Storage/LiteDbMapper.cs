using System.Globalization;
using LiteDB;

namespace OpinionBot.Storage;

/// <summary>How our types are stored: instants as UTC BSON dates, calendar dates as <c>yyyy-MM-dd</c>, enums by name.</summary>
public static class LiteDbMapper
{
    public static BsonMapper Create()
    {
        var mapper = new BsonMapper { EnumAsInteger = false, EmptyStringToNull = false, TrimWhitespace = false };
        mapper.RegisterType<DateTimeOffset>(
            value => new BsonValue(value.UtcDateTime),
            bson => new DateTimeOffset(bson.AsDateTime.ToUniversalTime(), TimeSpan.Zero));
        mapper.RegisterType<DateOnly>(
            value => new BsonValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return mapper;
    }
}
