using LiteDB;

namespace OpinionBot.Roster;

/// <summary>A unit (单位/部门) as stored: its people by Entra object id or email/UPN.</summary>
public sealed class Unit
{
    [BsonId]
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Officers { get; set; } = [];
    public List<string> SupervisingLeaders { get; set; } = [];
    public List<string> PrincipalLeaders { get; set; } = [];
    public string? ApprovalConversationId { get; set; }

    /// <summary>A copy that shares no list with this one.</summary>
    public Unit Copy() => new()
    {
        Id = Id, Name = Name, Officers = [.. Officers], SupervisingLeaders = [.. SupervisingLeaders], PrincipalLeaders = [.. PrincipalLeaders],
        ApprovalConversationId = ApprovalConversationId,
    };

    public static Unit From(UnitOptions options) => new()
    {
        Id = options.Id.Trim(),
        Name = options.Name.Trim(),
        Officers = PersonKey.NormalizeAll(options.Officers),
        SupervisingLeaders = PersonKey.NormalizeAll(options.SupervisingLeaders),
        PrincipalLeaders = PersonKey.NormalizeAll(options.PrincipalLeaders),
        ApprovalConversationId = string.IsNullOrWhiteSpace(options.ApprovalConversationId) ? null : options.ApprovalConversationId.Trim(),
    };

    public bool SameAs(Unit other) =>
        Id == other.Id && Name == other.Name && ApprovalConversationId == other.ApprovalConversationId
        && Officers.SequenceEqual(other.Officers) && SupervisingLeaders.SequenceEqual(other.SupervisingLeaders)
        && PrincipalLeaders.SequenceEqual(other.PrincipalLeaders);
}
