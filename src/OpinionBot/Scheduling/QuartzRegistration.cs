using Quartz;

namespace OpinionBot.Scheduling;

public static class QuartzRegistration
{
    /// <summary>Quartz.NET as a hosted service; on shutdown it waits for running jobs to finish.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
        });
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
