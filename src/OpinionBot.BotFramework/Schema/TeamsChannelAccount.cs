namespace OpinionBot.BotFramework.Schema;

/// <summary>A member as the Teams members API returns it.</summary>
public sealed class TeamsChannelAccount : ChannelAccount
{
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }
}
