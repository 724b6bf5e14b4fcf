using Microsoft.Extensions.Options;
using OpinionBot.Bot;
using OpinionBot.Deadlines;
using OpinionBot.Roster;

namespace OpinionBot.Duty;

public static class DutyRegistration
{
    /// <summary>The duty roster (<c>Organization:Duty</c>), the duty copies features add, and the <c>duty</c> command.</summary>
    public static IServiceCollection AddDuty(this IServiceCollection services)
    {
        services.AddSingleton(sp => new DutyRoster(
            sp.GetRequiredService<IOptions<OrganizationOptions>>().Value.Duty,
            sp.GetRequiredService<IOptions<CalendarOptions>>().Value.Holidays,
            sp.GetRequiredService<WorkingCalendar>()));
        services.AddSingleton<DutyAudience>();
        services.AddSingleton<ICommand, DutyCommand>();
        return services;
    }
}
