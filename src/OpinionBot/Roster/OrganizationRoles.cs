using LiteDB;

namespace OpinionBot.Roster;

/// <summary>The organisation-wide roles, stored as one document.</summary>
public sealed class OrganizationRoles
{
    public const string DocumentId = "organization";

    [BsonId]
    public string Id { get; set; } = DocumentId;
    public List<string> OfficeMembers { get; set; } = [];
    public string? OfficeConversationId { get; set; }
    public string? LeadingGroupHead { get; set; }
    public List<string> Admins { get; set; } = [];

    /// <summary>A copy that shares no list with this one.</summary>
    public OrganizationRoles Copy() => new()
    {
        Id = Id, OfficeMembers = [.. OfficeMembers], OfficeConversationId = OfficeConversationId, LeadingGroupHead = LeadingGroupHead, Admins = [.. Admins],
    };

    public static OrganizationRoles From(OrganizationOptions options) => new()
    {
        OfficeMembers = PersonKey.NormalizeAll(options.Office.Members),
        OfficeConversationId = string.IsNullOrWhiteSpace(options.Office.ConversationId) ? null : options.Office.ConversationId.Trim(),
        LeadingGroupHead = string.IsNullOrWhiteSpace(options.LeadingGroupHead) ? null : PersonKey.Normalize(options.LeadingGroupHead),
        Admins = PersonKey.NormalizeAll(options.Admins),
    };

    public bool SameAs(OrganizationRoles other) =>
        OfficeConversationId == other.OfficeConversationId && LeadingGroupHead == other.LeadingGroupHead
        && OfficeMembers.SequenceEqual(other.OfficeMembers) && Admins.SequenceEqual(other.Admins);
}
