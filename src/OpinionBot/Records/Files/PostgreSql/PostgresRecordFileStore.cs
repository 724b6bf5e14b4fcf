using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Records.Files.PostgreSql;

/// <summary>
/// Records' files (<c>record_files</c>, bytea) on PostgreSQL; an evidence id is read from <c>evidence</c>, where the
/// evidence store keeps the bytes. Content is read whole into memory (a register or a package is megabytes, not gigabytes).
/// </summary>
public sealed class PostgresRecordFileStore(PostgresDatabase database) : IRecordFileStore
{
    public void Save(string fileId, string fileName, Stream content, IReadOnlyDictionary<string, string> metadata)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.ToArray();
        database.Execute("""
            INSERT INTO record_files (id, file_name, size, metadata, content) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET file_name = EXCLUDED.file_name, size = EXCLUDED.size, metadata = EXCLUDED.metadata, content = EXCLUDED.content
            """, fileId, fileName, bytes.LongLength, PostgresDatabase.Json(metadata), bytes);
    }

    public bool Exists(string fileId) =>
        database.Exists("SELECT 1 FROM record_files WHERE id = $1 UNION ALL SELECT 1 FROM evidence WHERE id = $1 LIMIT 1", fileId);

    public Stream OpenRead(string fileId) =>
        database.Scalar<byte[]>("SELECT content FROM record_files WHERE id = $1 UNION ALL SELECT content FROM evidence WHERE id = $1 LIMIT 1", fileId) is { } content
            ? new MemoryStream(content, writable: false)
            : throw new FileNotFoundException($"No stored file {fileId}.");

    public bool Delete(string fileId) => database.Execute("DELETE FROM record_files WHERE id = $1", fileId) == 1;
}
