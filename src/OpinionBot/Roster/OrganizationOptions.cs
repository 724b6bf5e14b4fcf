namespace OpinionBot.Roster;

/// <summary>The <c>Organization</c> configuration section: time zone, language and the roster as first loaded.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    public string TimeZone { get; set; } = "Asia/Shanghai";
    public string DefaultLocale { get; set; } = "zh-CN";
    public List<UnitOptions> Units { get; set; } = [];
    public OfficeOptions Office { get; set; } = new();
    public string LeadingGroupHead { get; set; } = "";
    public List<string> Admins { get; set; } = [];

    /// <summary>Display names of people on the roster, so cards can name someone the bot has not met yet.</summary>
    public List<PersonOptions> People { get; set; } = [];

    /// <summary>Who is on duty (24 小时值班), by day and time range.</summary>
    public List<OpinionBot.Duty.DutyEntryOptions> Duty { get; set; } = [];
}

/// <summary>One person's display name: <see cref="Id"/> as they are written in the roster (object id or email/UPN).</summary>
public sealed class PersonOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class UnitOptions
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Officers { get; set; } = [];
    public List<string> SupervisingLeaders { get; set; } = [];
    public List<string> PrincipalLeaders { get; set; } = [];
    public string? ApprovalConversationId { get; set; }
}

public sealed class OfficeOptions
{
    public List<string> Members { get; set; } = [];
    public string ConversationId { get; set; } = "";
}
