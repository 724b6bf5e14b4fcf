using System.Globalization;
using OpinionBot.Deadlines;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;
using Quartz;

namespace OpinionBot.Configuration;

/// <summary>Checks the configuration contract (README, Configuration) and names every problem in one readable line.</summary>
public static class ConfigurationProblems
{
    /// <param name="environmentName">The host environment: what is allowed for local testing depends on it.</param>
    public static IReadOnlyList<string> Find(IConfiguration configuration, string environmentName)
    {
        var problems = new List<string>();
        BotSettingsProblems.Check(configuration, environmentName, problems);
        CheckTypedValues(configuration, problems);
        CheckOrganization(configuration.GetSection(OrganizationOptions.Section).Get<OrganizationOptions>() ?? new(), problems);
        CheckSchedule(configuration.GetSection(ScheduleOptions.Section).Get<ScheduleOptions>() ?? new(), problems);
        CheckCalendar(configuration.GetSection(CalendarOptions.Section).Get<CalendarOptions>() ?? new(), problems);
        problems.AddRange(Cases.Levels.LevelSuggestionProblems.Find(configuration.GetSection(Cases.Levels.LevelSuggestionOptions.Section)));
        problems.AddRange(StorageProblems.Find(configuration));
        problems.AddRange(Records.Files.FilesConfigurationProblems.Find(configuration));
        return problems;
    }

    /// <summary>Values the binder would throw on: report them by key instead.</summary>
    private static void CheckTypedValues(IConfiguration configuration, List<string> problems)
    {
        foreach (var key in new[] { "ReportAfterDiscovery", "ReportAfterDiscoveryMajor", "ReviewAfterReport", "FirstResponseAfterReport", "FormalAnswerAfterReport", "DispatchAcknowledgeWithin" })
            CheckParses(configuration, $"Workflow:Deadlines:{key}", v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero, "a positive TimeSpan such as 03:00:00", problems);
        CheckParses(configuration, "Workflow:Deadlines:VerificationWorkingHours", v => double.TryParse(v, CultureInfo.InvariantCulture, out var h) && h > 0, "a positive number of working hours", problems);
        foreach (var key in new[] { "ResolveWorkingDays", "InitialHandlingWorkingDays", "PromiseMaxWorkingDays" })
            CheckParses(configuration, $"Workflow:Deadlines:{key}", v => int.TryParse(v, CultureInfo.InvariantCulture, out var d) && d > 0, "a positive whole number of working days", problems);
        CheckParses(configuration, "Workflow:Deadlines:ClocksFrom", v => Enum.TryParse<ResponseClockStart>(v, ignoreCase: true, out var start) && Enum.IsDefined(start), "Post or Report", problems);
        foreach (var key in new[] { "SignOff:CasePrincipalLevels", "SignOff:StatementPrincipalLevels", "SignOff:ClosingReviewLevels", "Notify:OfficeLevels", "Notify:LeadingGroupHeadLevels" })
            CheckLevels(configuration.GetSection($"Workflow:{key}"), problems);
        CheckParses(configuration, "Workflow:Reminders:Interval", v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero, "a positive TimeSpan such as 00:30:00", problems);
        CheckParses(configuration, "Evidence:MaxFileBytes", v => long.TryParse(v, CultureInfo.InvariantCulture, out var b) && b > 0, "a positive number of bytes", problems);
        CheckParses(configuration, "Evidence:AttachAfterReportWindow", v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) && t >= TimeSpan.Zero, "a TimeSpan such as 00:30:00", problems);
        CheckParses(configuration, "Workflow:Reminders:EscalateAfter", v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 1, "a whole number of slips, at least 1", problems);
        CheckDelivery(configuration, problems);
    }

    private static void CheckLevels(IConfigurationSection levels, List<string> problems)
    {
        foreach (var level in levels.GetChildren())
        {
            if (!Enum.TryParse<Cases.CaseLevel>(level.Value, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(level.Value, out _))
                problems.Add($"{level.Path}: '{level.Value}' is not a level (I, II, III or IV).");
        }
    }

    private static void CheckDelivery(IConfiguration configuration, List<string> problems)
    {
        static bool Positive(string v, out TimeSpan t) => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out t) && t > TimeSpan.Zero;
        CheckParses(configuration, "Delivery:MaxAttempts", v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 1, "a whole number of attempts, at least 1", problems);
        CheckParses(configuration, "Delivery:BaseDelay", v => Positive(v, out _), "a positive TimeSpan such as 00:00:01", problems);
        CheckParses(configuration, "Delivery:MaxDelay", v => Positive(v, out _), "a positive TimeSpan such as 00:05:00", problems);
        CheckParses(configuration, "Delivery:MaxParallelConversations", v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 1, "a whole number, at least 1", problems);
        CheckParses(configuration, "Delivery:GlobalPerSecond", v => int.TryParse(v, CultureInfo.InvariantCulture, out var n) && n >= 1, "a whole number of requests per second, at least 1", problems);
        var baseDelay = configuration["Delivery:BaseDelay"] is { } b && Positive(b, out var parsedBase) ? parsedBase : TimeSpan.FromSeconds(1);
        var maxDelay = configuration["Delivery:MaxDelay"] is { } m && Positive(m, out var parsedMax) ? parsedMax : TimeSpan.FromMinutes(5);
        if (maxDelay < baseDelay)
            problems.Add($"Delivery:MaxDelay ({maxDelay}) is shorter than Delivery:BaseDelay ({baseDelay}); the longest back-off cannot be shorter than the first.");
    }

    private static void CheckParses(IConfiguration configuration, string key, Func<string, bool> parses, string expected, List<string> problems)
    {
        var value = configuration[key];
        if (value is not null && !parses(value))
            problems.Add($"{key} is '{value}'; expected {expected}.");
    }

    private static void CheckOrganization(OrganizationOptions organization, List<string> problems)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(organization.TimeZone, out _))
            problems.Add($"Organization:TimeZone '{organization.TimeZone}' is not a known time zone (use an IANA id such as Asia/Shanghai).");
        if (!LanguageTags.IsSupportedTag(organization.DefaultLocale))
            problems.Add($"Organization:DefaultLocale '{organization.DefaultLocale}' is not supported; use zh-CN or en-US.");

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < organization.Units.Count; i++)
        {
            var unit = organization.Units[i];
            var where = $"Organization:Units:{i}";
            if (string.IsNullOrWhiteSpace(unit.Id))
                problems.Add($"{where} has no Id.");
            else if (!seen.Add(unit.Id))
                problems.Add($"{where} repeats the unit id '{unit.Id}'; unit ids must be unique.");
            if (string.IsNullOrWhiteSpace(unit.Name))
                problems.Add($"{where} ('{unit.Id}') has no Name.");
            if (unit.SupervisingLeaders.Count(p => !string.IsNullOrWhiteSpace(p)) == 0)
                problems.Add($"{where} ('{unit.Id}') has no supervising leader; every unit needs one to approve its cases.");
            CheckPeople($"{where}:Officers", unit.Officers, problems);
            CheckPeople($"{where}:SupervisingLeaders", unit.SupervisingLeaders, problems);
            CheckPeople($"{where}:PrincipalLeaders", unit.PrincipalLeaders, problems);
        }

        CheckPeople("Organization:Office:Members", organization.Office.Members, problems);
        CheckPeople("Organization:Admins", organization.Admins, problems);
        if (!string.IsNullOrWhiteSpace(organization.LeadingGroupHead))
            CheckPeople("Organization:LeadingGroupHead", [organization.LeadingGroupHead], problems);
        problems.AddRange(PeopleProblems.Find(organization.People));
        problems.AddRange(Duty.DutyProblems.Find(organization));
    }

    private static void CheckPeople(string where, List<string> people, List<string> problems)
    {
        for (var i = 0; i < people.Count; i++)
        {
            var person = people[i]?.Trim() ?? "";
            if (!Guid.TryParse(person, out _) && !IsEmailLike(person))
                problems.Add($"{where}:{i} '{person}' is neither an Entra object id (GUID) nor an email/UPN.");
        }
    }

    private static bool IsEmailLike(string value)
    {
        var at = value.IndexOf('@');
        return at > 0 && at < value.Length - 1 && value.IndexOf('@', at + 1) < 0 && !value.Any(char.IsWhiteSpace);
    }

    private static void CheckSchedule(ScheduleOptions schedule, List<string> problems)
    {
        foreach (var (key, cron) in schedule.All())
        {
            if (!CronExpression.TryParse(cron, out _))
                problems.Add($"Schedule:{key} '{cron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week).");
        }
    }

    private static void CheckCalendar(CalendarOptions calendar, List<string> problems)
    {
        CheckDates("Calendar:Holidays", calendar.Holidays, problems);
        CheckDates("Calendar:ExtraWorkdays", calendar.ExtraWorkdays, problems);
        foreach (var date in calendar.Holidays.Intersect(calendar.ExtraWorkdays, StringComparer.Ordinal))
            problems.Add($"Calendar: '{date}' is listed both in Holidays and in ExtraWorkdays; keep it in one of them.");
        problems.AddRange(WorkingHoursProblems.Find(calendar.EffectiveWorkingHours));
    }

    private static void CheckDates(string where, List<string> dates, List<string> problems)
    {
        for (var i = 0; i < dates.Count; i++)
        {
            if (!DateOnly.TryParseExact(dates[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                problems.Add($"{where}:{i} '{dates[i]}' is not a date in yyyy-MM-dd form.");
        }
    }
}
