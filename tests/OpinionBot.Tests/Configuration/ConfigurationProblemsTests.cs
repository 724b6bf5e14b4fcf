using Microsoft.Extensions.Configuration;
using OpinionBot.Configuration;

namespace OpinionBot.Tests.Configuration;

public sealed class ConfigurationProblemsTests
{
    /// <summary>In Development, where no app id is fine: these tests are about the other sections (BotSettingsProblemsTests has the rest).</summary>
    private static IReadOnlyList<string> Problems(params (string Key, string Value)[] settings) =>
        ConfigurationProblems.Find(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build(), "Development");

    private static readonly (string, string)[] ValidUnit =
    [
        ("Organization:Units:0:Id", "grade-7"),
        ("Organization:Units:0:Name", "七年级"),
        ("Organization:Units:0:Officers:0", "officer@school.example"),
        ("Organization:Units:0:SupervisingLeaders:0", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
    ];

    [Fact]
    public void The_defaults_and_a_complete_unit_are_valid()
    {
        Assert.Empty(Problems());
        Assert.Empty(Problems(ValidUnit));
    }

    [Theory]
    [InlineData("Organization:TimeZone", "Mars/Olympus", "Organization:TimeZone 'Mars/Olympus' is not a known time zone")]
    [InlineData("Organization:DefaultLocale", "fr-FR", "Organization:DefaultLocale 'fr-FR' is not supported")]
    [InlineData("Schedule:OverdueScan", "every minute", "Schedule:OverdueScan 'every minute' is not a valid Quartz cron expression")]
    [InlineData("Schedule:DailyBriefing", "0 30 8 * *", "Schedule:DailyBriefing '0 30 8 * *' is not a valid Quartz cron expression")]
    [InlineData("Calendar:Holidays:0", "2026/10/01", "Calendar:Holidays:0 '2026/10/01' is not a date in yyyy-MM-dd form")]
    [InlineData("Calendar:WorkingHours:0", "9-12", "Calendar:WorkingHours:0 '9-12' is not a period in HH:mm-HH:mm form")]
    [InlineData("Calendar:WorkingHours:0", "18:00-09:00", "Calendar:WorkingHours:0 '18:00-09:00' ends before it starts")]
    [InlineData("Workflow:Deadlines:ReportAfterDiscoveryMajor", "soon", "Workflow:Deadlines:ReportAfterDiscoveryMajor is 'soon'")]
    [InlineData("Workflow:Deadlines:ReviewAfterReport", "an hour", "Workflow:Deadlines:ReviewAfterReport is 'an hour'")]
    [InlineData("Workflow:Deadlines:ResolveWorkingDays", "-1", "Workflow:Deadlines:ResolveWorkingDays is '-1'")]
    [InlineData("Workflow:Reminders:EscalateAfter", "0", "Workflow:Reminders:EscalateAfter is '0'")]
    [InlineData("Workflow:Deadlines:InitialHandlingWorkingDays", "0", "Workflow:Deadlines:InitialHandlingWorkingDays is '0'")]
    [InlineData("Workflow:Deadlines:PromiseMaxWorkingDays", "five", "Workflow:Deadlines:PromiseMaxWorkingDays is 'five'")]
    [InlineData("Workflow:Deadlines:DispatchAcknowledgeWithin", "now", "Workflow:Deadlines:DispatchAcknowledgeWithin is 'now'")]
    [InlineData("Workflow:Deadlines:ClocksFrom", "Discovery", "Workflow:Deadlines:ClocksFrom is 'Discovery'")]
    [InlineData("Workflow:SignOff:StatementPrincipalLevels:0", "V", "Workflow:SignOff:StatementPrincipalLevels:0: 'V' is not a level")]
    [InlineData("Workflow:Notify:OfficeLevels:1", "2", "Workflow:Notify:OfficeLevels:1: '2' is not a level")]
    [InlineData("Bot:MicrosoftAppType", "Federated", "Bot:MicrosoftAppType is 'Federated'")]
    [InlineData("Bot:MicrosoftAppId", "my-bot", "Bot:MicrosoftAppId 'my-bot' is not a GUID")]
    [InlineData("Storage:LiteDb:Path", " ", "Storage:LiteDb:Path is empty")]
    [InlineData("Delivery:MaxAttempts", "0", "Delivery:MaxAttempts is '0'; expected a whole number of attempts, at least 1")]
    [InlineData("Delivery:BaseDelay", "soon", "Delivery:BaseDelay is 'soon'; expected a positive TimeSpan")]
    [InlineData("Delivery:MaxDelay", "00:00:00", "Delivery:MaxDelay is '00:00:00'; expected a positive TimeSpan")]
    [InlineData("Delivery:MaxDelay", "00:00:00.5", "Delivery:MaxDelay (00:00:00.5000000) is shorter than Delivery:BaseDelay (00:00:01)")]
    [InlineData("Delivery:GlobalPerSecond", "fast", "Delivery:GlobalPerSecond is 'fast'")]
    public void Names_each_problem_in_one_line(string key, string value, string expected)
    {
        var problem = Assert.Single(Problems((key, value)), p => p.StartsWith(key.Split(':')[0], StringComparison.Ordinal) && !p.Contains("Password") && !p.StartsWith("Bot:MicrosoftAppTenantId"));
        Assert.StartsWith(expected, problem);
    }

    [Fact]
    public void Checks_the_names_of_people()
    {
        Assert.Empty(Problems(("Organization:People:0:Id", "wang@school.example"), ("Organization:People:0:Name", "王强")));

        var problems = Problems(
            ("Organization:People:0:Id", "wang@school.example"), ("Organization:People:0:Name", "王强"),
            ("Organization:People:1:Id", "WANG@school.example"), ("Organization:People:1:Name", "王强二"),
            ("Organization:People:2:Id", "wang"), ("Organization:People:2:Name", "王"),
            ("Organization:People:3:Id", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"), ("Organization:People:3:Name", " "),
            ("Organization:People:4:Name", "无名"));

        Assert.Equal(
        [
            "Organization:People:1 repeats 'WANG@school.example'; give each person one name.",
            "Organization:People:2:Id 'wang' is neither an Entra object id (GUID) nor an email/UPN.",
            "Organization:People:3 ('3f2504e0-4f89-11d3-9a0c-0305e82c3301') has no Name.",
            "Organization:People:4 has no Id (the person's Entra object id or email/UPN, as the roster writes them).",
        ], problems);
    }

    [Fact]
    public void Refuses_a_unit_without_a_supervising_leader_and_a_duplicate_unit_id()
    {
        var problems = Problems([.. ValidUnit,
            ("Organization:Units:1:Id", "GRADE-7"), ("Organization:Units:1:Name", "Duplicate"),
            ("Organization:Units:2:Id", "grade-8"), ("Organization:Units:2:Name", "八年级")]);

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("repeats the unit id 'GRADE-7'"));
        Assert.Contains(problems, p => p.StartsWith("Organization:Units:1") && p.Contains("no supervising leader"));
        Assert.Contains(problems, p => p.StartsWith("Organization:Units:2") && p.Contains("no supervising leader"));
    }

    [Fact]
    public void Refuses_a_person_who_is_neither_an_object_id_nor_an_email()
    {
        var problems = Problems([.. ValidUnit, ("Organization:Units:0:Officers:1", "Zhang San")]);

        Assert.Equal("Organization:Units:0:Officers:1 'Zhang San' is neither an Entra object id (GUID) nor an email/UPN.", Assert.Single(problems));
    }

    [Fact]
    public void A_registered_bot_needs_its_password_and_a_single_tenant_bot_its_tenant()
    {
        var problems = Problems(("Bot:MicrosoftAppId", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"), ("Bot:MicrosoftAppType", "SingleTenant"));

        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Bot:MicrosoftAppPassword is empty"));
        Assert.Contains(problems, p => p.StartsWith("Bot:MicrosoftAppTenantId must be the tenant's GUID"));
    }

    [Fact]
    public void Working_hours_may_be_configured_up_to_midnight()
    {
        Assert.Empty(Problems(("Calendar:WorkingHours:0", "08:30-12:00"), ("Calendar:WorkingHours:1", "12:00-24:00")));
        Assert.Empty(Problems(("Calendar:WorkingHours:0", "00:00-24:00")));
    }

    [Fact]
    public void Names_each_bad_working_period_in_its_own_line()
    {
        var problems = Problems(
            ("Calendar:WorkingHours:0", "09:00-12:00"),
            ("Calendar:WorkingHours:1", "11:00-14:00"),
            ("Calendar:WorkingHours:2", "08:00-08:30"),
            ("Calendar:WorkingHours:3", "25:00-26:00"));

        Assert.Equal(
            [
                "Calendar:WorkingHours:1 '11:00-14:00' overlaps '09:00-12:00'; periods must not overlap.",
                "Calendar:WorkingHours:2 '08:00-08:30' is listed after '11:00-14:00'; list the periods in the order of the day.",
                "Calendar:WorkingHours:3 '25:00-26:00' is not a period in HH:mm-HH:mm form (24-hour clock, such as 09:00-12:00).",
            ],
            problems);
    }

    [Fact]
    public void Refuses_a_date_that_is_both_a_holiday_and_a_make_up_working_day()
    {
        var problems = Problems(("Calendar:Holidays:0", "2026-10-10"), ("Calendar:ExtraWorkdays:0", "2026-10-10"));

        Assert.Equal("Calendar: '2026-10-10' is listed both in Holidays and in ExtraWorkdays; keep it in one of them.", Assert.Single(problems));
    }
}
