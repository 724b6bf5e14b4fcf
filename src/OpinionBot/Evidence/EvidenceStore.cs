using System.Security.Cryptography;
using LiteDB;
using OpinionBot.Cases;
using OpinionBot.Roster;
using OpinionBot.Storage;

namespace OpinionBot.Evidence;

/// <summary>Evidence files in LiteDB file storage, linked to their case, each with a timeline event — all in one transaction.</summary>
public sealed class EvidenceStore(ILiteDatabase database, StoreTransaction transaction, CaseStore cases) : IEvidenceStore, ICollectionIndexes
{
    private static readonly PreparedExpression CaseNumberEquals = new("$.CaseNumber = @0");
    private static readonly BsonExpression CaseNumberOnly = BsonExpression.Create("$.CaseNumber");

    private ILiteCollection<EvidenceFile> Files => database.GetCollection<EvidenceFile>("evidence");

    public void EnsureIndexes() => Files.EnsureIndex(f => f.CaseNumber);

    /// <summary>From the CaseNumber index's keys alone (selecting nothing but the indexed field reads no document).</summary>
    public int Count(string caseNumber) => Files.Count(CaseNumberEquals.With(caseNumber), CaseNumberOnly);

    public IReadOnlyList<EvidenceFile> ForCase(string caseNumber) => Files.Find(CaseNumberEquals.With(caseNumber)).ToList().OrderBy(f => f.AddedAt).ToList();

    /// <summary>Keeps <paramref name="content"/> for the case; false when the same bytes are already attached to it.</summary>
    public bool Add(string caseNumber, string name, string contentType, byte[] content, Actor actor, DateTimeOffset now)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var id = EvidenceFile.IdFor(caseNumber, sha256);
        return transaction.Run(() =>
        {
            if (Files.Exists(f => f.Id == id)) return false;

            var file = new EvidenceFile
            {
                Id = id, CaseNumber = caseNumber, Name = name, ContentType = contentType, Size = content.LongLength,
                Sha256 = sha256, AddedByKey = actor.Key, AddedByName = actor.Name, AddedAt = now,
            };
            using var stream = new MemoryStream(content, writable: false);
            database.FileStorage.Upload(id, name, stream, new BsonDocument { ["case"] = caseNumber, ["sha256"] = sha256, ["contentType"] = contentType });
            Files.Insert(file);
            cases.Append(new CaseEvent
            {
                CaseNumber = caseNumber, At = now, Kind = CaseEventKind.EvidenceAdded, ActorKey = actor.Key, ActorName = actor.Name,
                Comment = $"{name} ({content.LongLength:N0} B, SHA-256 {sha256[..12]}…)", DedupKey = id,
            });
            return true;
        });
    }

    public byte[] Read(string id)
    {
        using var stream = new MemoryStream();
        database.FileStorage.Download(id, stream);
        return stream.ToArray();
    }
}
