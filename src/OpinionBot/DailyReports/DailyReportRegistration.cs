using OpinionBot.Bot;
using OpinionBot.Storage;

namespace OpinionBot.DailyReports;

public static class DailyReportRegistration
{
    public static IServiceCollection AddDailyReports(this IServiceCollection services)
    {
        services.AddStore<IDailyReportStore, DailyReportStore, PostgreSql.PostgresDailyReportStore>();
        services.AddSingleton<ICommand, ZeroCommand>();
        services.AddSingleton<ZeroReportReminderCard>();
        services.AddSingleton<DailyReportSchedule>();
        services.AddSingleton<ICardAction, ZeroReportCardAction>();
        return services;
    }
}
