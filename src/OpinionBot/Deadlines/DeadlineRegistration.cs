using OpinionBot.Storage;

namespace OpinionBot.Deadlines;

public static class DeadlineRegistration
{
    public static IServiceCollection AddDeadlines(this IServiceCollection services)
    {
        services.AddStore<OwedStepStore>();
        services.AddSingleton<ICaseChangeObserver, StepTracker>();
        services.AddSingleton<Reminders.ReminderSlipCard>();
        services.AddSingleton<Reminders.OverdueScan>();
        services.AddSingleton<Bot.ICardAction, Reminders.OpenCaseAction>();
        return services;
    }
}
