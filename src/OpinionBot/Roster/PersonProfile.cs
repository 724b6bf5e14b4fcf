using LiteDB;

namespace OpinionBot.Roster;

/// <summary>What the bot learned about a Teams user: their identifiers (fetched once from the members API) and last language.</summary>
public sealed class PersonProfile
{
    [BsonId]
    public string TeamsUserId { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string Name { get; set; } = "";
    public bool MembersApiChecked { get; set; }
    public string? LastLanguage { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A copy (every member is a value or a string).</summary>
    public PersonProfile Copy() => (PersonProfile)MemberwiseClone();
}
