using Npgsql;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Records.Archive.PostgreSql;

/// <summary>
/// The packaging queue (<c>archive_requests</c>) and the kept packages (<c>archive_packages</c>) on PostgreSQL. Two
/// instances keeping a package for the same case meet on its key: the later transaction is run again and finds the first.
/// </summary>
public sealed class PostgresArchiveStore(PostgresDatabase database) : IArchiveStore
{
    private const string RequestColumns = "case_number, requested_at, attempts, last_error";

    public bool Request(ArchiveRequest request) =>
        database.Execute("""
            INSERT INTO archive_requests (case_number, requested_at, attempts, last_error) VALUES ($1, $2, $3, $4)
            ON CONFLICT (case_number) DO NOTHING
            """, request.CaseNumber, request.RequestedAt, request.Attempts, request.LastError) == 1;

    public IReadOnlyList<ArchiveRequest> Pending(int maxAttempts) =>
        database.Query($"SELECT {RequestColumns} FROM archive_requests WHERE attempts < $1 ORDER BY requested_at, case_number", Read, maxAttempts);

    public ArchiveRequest? FindRequest(string caseNumber) =>
        database.Query($"SELECT {RequestColumns} FROM archive_requests WHERE case_number = $1", Read, caseNumber).FirstOrDefault();

    public bool DeleteRequest(string caseNumber) => database.Execute("DELETE FROM archive_requests WHERE case_number = $1", caseNumber) == 1;

    public bool RecordFailure(string caseNumber, string error) =>
        database.Execute("UPDATE archive_requests SET attempts = attempts + 1, last_error = $2 WHERE case_number = $1", caseNumber, error) == 1;

    public KeptArchivePackage? KeptFor(string caseNumber) =>
        database.FindDocument<KeptArchivePackage>("SELECT doc FROM archive_packages WHERE case_number = $1", caseNumber);

    public void Keep(KeptArchivePackage kept) =>
        database.Execute("INSERT INTO archive_packages (case_number, created_at, doc) VALUES ($1, $2, $3)",
            kept.CaseNumber, kept.CreatedAt, PostgresDatabase.Json(kept));

    private static ArchiveRequest Read(NpgsqlDataReader r) => new()
    {
        CaseNumber = r.GetString(0),
        RequestedAt = PostgresDatabase.Instant(r, 1),
        Attempts = r.GetInt32(2),
        LastError = r.IsDBNull(3) ? null : r.GetString(3),
    };
}
