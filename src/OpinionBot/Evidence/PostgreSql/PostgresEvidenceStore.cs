using System.Security.Cryptography;
using OpinionBot.Cases;
using OpinionBot.Roster;
using OpinionBot.Storage;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Evidence.PostgreSql;

/// <summary>Evidence files with their bytes (<c>evidence</c>, bytea) on PostgreSQL, each with a timeline event, in one transaction.</summary>
public sealed class PostgresEvidenceStore(PostgresDatabase database, IStoreTransaction transaction, ICaseStore cases) : IEvidenceStore
{
    public int Count(string caseNumber) => (int)database.Scalar<long>("SELECT count(*) FROM evidence WHERE case_number = $1", caseNumber);

    public IReadOnlyList<EvidenceFile> ForCase(string caseNumber) =>
        database.Documents<EvidenceFile>("SELECT doc FROM evidence WHERE case_number = $1 ORDER BY added_at", caseNumber);

    public bool Add(string caseNumber, string name, string contentType, byte[] content, Actor actor, DateTimeOffset now)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var id = EvidenceFile.IdFor(caseNumber, sha256);
        return transaction.Run(() =>
        {
            var file = new EvidenceFile
            {
                Id = id, CaseNumber = caseNumber, Name = name, ContentType = contentType, Size = content.LongLength,
                Sha256 = sha256, AddedByKey = actor.Key, AddedByName = actor.Name, AddedAt = now,
            };
            var added = database.Execute("""
                INSERT INTO evidence (id, case_number, added_at, doc, content) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO NOTHING
                """, id, caseNumber, now, PostgresDatabase.Json(file), content) == 1;
            if (!added) return false;

            cases.Append(new CaseEvent
            {
                CaseNumber = caseNumber, At = now, Kind = CaseEventKind.EvidenceAdded, ActorKey = actor.Key, ActorName = actor.Name,
                Comment = $"{name} ({content.LongLength:N0} B, SHA-256 {sha256[..12]}…)", DedupKey = id,
            });
            return true;
        });
    }

    public byte[] Read(string id) =>
        database.Scalar<byte[]>("SELECT content FROM evidence WHERE id = $1", id)
        ?? throw new FileNotFoundException($"No evidence file {id}.");
}
