using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Records.Files;

/// <summary>Records' files in LiteDB file storage, beside the evidence files the evidence store keeps there.</summary>
public sealed class RecordFileStore(ILiteDatabase database) : IRecordFileStore, ICollectionIndexes
{
    /// <summary>
    /// Creates LiteDB's file-storage collections at start if no file was ever stored: LiteDB 5 must not create a
    /// collection on a background thread (the archive worker) while others write.
    /// </summary>
    public void EnsureIndexes()
    {
        if (database.CollectionExists("_chunks")) return;
        using var empty = new MemoryStream([0]);
        database.FileStorage.Upload("startup/probe", "probe", empty);
        database.FileStorage.Delete("startup/probe");
    }

    public void Save(string fileId, string fileName, Stream content, IReadOnlyDictionary<string, string> metadata)
    {
        var document = new BsonDocument();
        foreach (var (key, value) in metadata)
            document[key] = value;
        database.FileStorage.Upload(fileId, fileName, content, document);
    }

    public bool Exists(string fileId) => database.FileStorage.Exists(fileId);

    public Stream OpenRead(string fileId) =>
        database.FileStorage.Exists(fileId) ? database.FileStorage.OpenRead(fileId) : throw new FileNotFoundException($"No stored file {fileId}.");

    public bool Delete(string fileId) => database.FileStorage.Delete(fileId);
}
