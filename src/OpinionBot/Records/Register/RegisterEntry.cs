using OpinionBot.Cases;
using OpinionBot.Deadlines;
using OpinionBot.Records.Dossier;

namespace OpinionBot.Records.Register;

/// <summary>One row of the register: the case, its owed steps, its statements and its dispatches.</summary>
public sealed record RegisterEntry(Case Case, IReadOnlyList<OwedStep> Steps, IReadOnlyList<StatementRecord> Statements, IReadOnlyList<DispatchRecord> Dispatches);
