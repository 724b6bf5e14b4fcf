using Microsoft.Extensions.Options;
using OpinionBot.Deadlines;
using OpinionBot.Localization;
using OpinionBot.Roster;
using OpinionBot.Scheduling;
using OpinionBot.Storage;

namespace OpinionBot.Configuration;

public static class OptionsRegistration
{
    public static IServiceCollection AddOpinionBotOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OrganizationOptions>(configuration.GetSection(OrganizationOptions.Section));
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        services.Configure<CalendarOptions>(configuration.GetSection(CalendarOptions.Section));
        services.Configure<ScheduleOptions>(configuration.GetSection(ScheduleOptions.Section));
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BotTexts>();
        services.AddSingleton<OrganizationClock>();
        services.AddSingleton(sp => new WorkingCalendar(
            sp.GetRequiredService<IOptions<CalendarOptions>>().Value, sp.GetRequiredService<OrganizationClock>().TimeZone));
        return services;
    }
}
