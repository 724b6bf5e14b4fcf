using LiteDB;
using OpinionBot.Storage;
using JsonSerializer = LiteDB.JsonSerializer;

namespace OpinionBot.Tests.Support;

/// <summary>Checks a document written by hand against what the application's BSON mapper writes for the same object.</summary>
public static class MapperDocuments
{
    private static readonly BsonMapper Mapper = LiteDbMapper.Create();

    /// <summary>
    /// <paramref name="write"/> gives the mapper's document byte for byte (so the same fields, in the same order, of the
    /// same types), and the mapper reads it back into an object equal to <paramref name="value"/>.
    /// </summary>
    public static void AssertWrittenAsTheMapperWrites<T>(T value, Func<T, BsonDocument> write)
    {
        var mapped = Mapper.ToDocument(value);
        var written = write(value);

        Assert.Equal(JsonSerializer.Serialize(mapped), JsonSerializer.Serialize(written));
        Assert.Equal(BsonSerializer.Serialize(mapped), BsonSerializer.Serialize(written));
        Assert.Equivalent(value, Mapper.ToObject<T>(written), strict: true);
    }
}
