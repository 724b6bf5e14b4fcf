namespace OpinionBot.Cases;

/// <summary>Cases, their numbering counters and their append-only timelines (<see cref="CaseStore"/> on LiteDB, <see cref="PostgreSql.PostgresCaseStore"/> on PostgreSQL).</summary>
public interface ICaseStore
{
    /// <summary>The next number of <paramref name="year"/>, counted without gaps; call inside the transaction that stores the case.</summary>
    int NextSequence(int year);

    void Insert(Case c);

    void Save(Case c);

    Case? Find(string number);

    /// <summary>
    /// The case, locked against other writers until the enclosing transaction ends (PostgreSQL <c>FOR UPDATE</c>; on
    /// LiteDB, whose writes are serial anyway, the same as <see cref="Find"/>). For work that checks a case, then changes it.
    /// </summary>
    Case? FindForUpdate(string number);

    /// <summary>
    /// The case a submission made. <see cref="Insert"/> refuses a second case of one submission with a unique key (on
    /// both stores a conflict the transaction runs the work again for), so a report looks this up on a second run only.
    /// </summary>
    Case? FindBySubmission(string submissionId);

    /// <summary>Open cases of the given units, newest first.</summary>
    IReadOnlyList<Case> OpenCases(IReadOnlyCollection<string> unitIds, int limit);

    int CountOpenCases(IReadOnlyCollection<string> unitIds);

    Case? FirstCaseOn(string unitId, DateOnly day);

    /// <summary>Appends an event; an event whose <see cref="CaseEvent.DedupKey"/> is already there is not added again.</summary>
    bool Append(CaseEvent caseEvent);

    /// <summary>
    /// Appends an event of a case created in the same transaction: its dedup key holds the new case's number, so no
    /// earlier event can have it and the look-up <see cref="Append"/> makes first can be skipped.
    /// </summary>
    void AppendToNewCase(CaseEvent caseEvent) => Append(caseEvent);

    /// <summary>
    /// Whether case <paramref name="caseNumber"/> has the event of <paramref name="dedupKey"/>. A dedup key names a cause
    /// within its case (each names its case or a cause only one case has): LiteDB keys events by case and dedup key,
    /// PostgreSQL's key is the dedup key alone.
    /// </summary>
    bool HasEvent(string caseNumber, string dedupKey);

    /// <summary>Flags a case escalated (three slips unanswered); for a caller inside a transaction.</summary>
    void MarkEscalatedInTransaction(string number);

    /// <summary>The most recent case <paramref name="reporterKey"/> reported at or after <paramref name="since"/>.</summary>
    Case? LatestReportedBy(string reporterKey, DateTimeOffset since);

    IReadOnlyList<CaseEvent> Timeline(string number);

    /// <summary>
    /// The timeline of case <paramref name="number"/> if it was created by the work running now and the store kept its
    /// events as they were written (LiteDB, whose single writer runs one piece of work at a time); otherwise null, and
    /// the caller reads <see cref="Timeline"/> after the commit.
    /// </summary>
    IReadOnlyList<CaseEvent>? TimelineOfNewCase(string number) => null;
}
