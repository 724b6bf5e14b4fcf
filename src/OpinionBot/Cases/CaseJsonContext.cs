using System.Text.Json.Serialization;

namespace OpinionBot.Cases;

/// <summary>A case as JSON with source-generated (de)serialisation: the procedure's drafts copy a case this way on every report.</summary>
[JsonSerializable(typeof(Case))]
internal sealed partial class CaseJsonContext : JsonSerializerContext;
