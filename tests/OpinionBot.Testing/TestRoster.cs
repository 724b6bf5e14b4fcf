namespace OpinionBot.Testing;

/// <summary>A small organisation for tests: two units, an office, an admin.</summary>
public static class TestRoster
{
    public const string OfficerAad = "00000000-0000-0000-0000-0000000000a1";
    public const string Unit1 = "propaganda";
    public const string Unit1Name = "宣传部";
    public const string Unit2 = "education";
    public const string OfficerByEmailTeamsId = "29:officer-by-email";
    public const string OfficerEmail = "chen.jing@contoso.example";
    public const string OfficeTeamsId = "29:office";
    public const string OfficeEmail = "office@contoso.example";
    public const string Admin = "admin@contoso.example";
    public const string LeaderEmail = "leader@contoso.example";
    public const string PrincipalEmail = "principal@contoso.example";
    public const string OfficeChannel = "19:office@thread.tacv2";

    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Organization:Units:0:Id"] = Unit1,
            ["Organization:Units:0:Name"] = Unit1Name,
            ["Organization:Units:0:Officers:0"] = OfficerAad,
            ["Organization:Units:0:SupervisingLeaders:0"] = LeaderEmail,
            ["Organization:Units:0:PrincipalLeaders:0"] = PrincipalEmail,
            ["Organization:Units:1:Id"] = Unit2,
            ["Organization:Units:1:Name"] = "教育局",
            ["Organization:Units:1:Officers:0"] = OfficerEmail,
            ["Organization:Units:1:SupervisingLeaders:0"] = "leader2@contoso.example",
            ["Organization:Office:Members:0"] = OfficeEmail,
            ["Organization:Office:ConversationId"] = OfficeChannel,
            ["Organization:Admins:0"] = Admin,
        };
        foreach (var (key, value) in extra ?? []) settings[key] = value;
        return settings;
    }
}
