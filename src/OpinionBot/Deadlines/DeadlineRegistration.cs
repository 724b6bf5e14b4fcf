using OpinionBot.Procedure;
using OpinionBot.Storage;

namespace OpinionBot.Deadlines;

public static class DeadlineRegistration
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddStore<IOwedStepStore, OwedStepStore, PostgreSql.PostgresOwedStepStore>();
        services.AddSingleton<ClockDue>();
        services.AddSingleton<StepTracker>();
        services.AddSingleton<CaseWarnings>();
        services.AddSingleton<Reminders.ReminderSlipCard>();
        services.AddSingleton<Reminders.OverdueScan>();
        services.AddSingleton<ICaseReaction, Reminders.OverdueAtIntake>();
        services.AddSingleton<Bot.ICardAction, Reminders.OpenCaseAction>();
        return services;
    }
}
