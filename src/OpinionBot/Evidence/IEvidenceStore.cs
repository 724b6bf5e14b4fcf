using OpinionBot.Roster;

namespace OpinionBot.Evidence;

/// <summary>Evidence files and their bytes (<see cref="EvidenceStore"/> on LiteDB, <see cref="PostgreSql.PostgresEvidenceStore"/> on PostgreSQL).</summary>
public interface IEvidenceStore
{
    int Count(string caseNumber);

    IReadOnlyList<EvidenceFile> ForCase(string caseNumber);

    /// <summary>Keeps <paramref name="content"/> for the case with a timeline event; false when the same bytes are already attached to it.</summary>
    bool Add(string caseNumber, string name, string contentType, byte[] content, Actor actor, DateTimeOffset now);

    byte[] Read(string id);
}
