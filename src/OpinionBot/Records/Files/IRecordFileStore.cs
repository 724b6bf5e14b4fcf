namespace OpinionBot.Records.Files;

/// <summary>
/// The content download links serve (<see cref="RecordFileStore"/> on LiteDB, <see cref="PostgreSql.PostgresRecordFileStore"/>
/// on PostgreSQL): generated files (<c>generated/…</c>) and kept archive packages (<c>archive/…</c>) are kept here; evidence
/// (<c>evidence/…</c>), kept by the evidence store, is read through it too.
/// </summary>
public interface IRecordFileStore
{
    /// <summary>
    /// Keeps <paramref name="content"/> (read from its current position to its end) under <paramref name="fileId"/>,
    /// replacing what was there: a plain write, so inside a transaction it commits (or not) with the rest.
    /// </summary>
    void Save(string fileId, string fileName, Stream content, IReadOnlyDictionary<string, string> metadata);

    bool Exists(string fileId);

    /// <summary>The content from its start; <see cref="FileNotFoundException"/> when there is none.</summary>
    Stream OpenRead(string fileId);

    /// <summary>Deletes a generated file or kept package; false when there was none.</summary>
    bool Delete(string fileId);
}
