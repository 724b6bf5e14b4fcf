using Microsoft.Extensions.Options;

namespace OpinionBot.Procedure;

public static class ProcedureRegistration
{
    public static IServiceCollection AddProcedure(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignOffOptions>(configuration.GetSection(SignOffOptions.Section));
        services.Configure<NotifyOptions>(configuration.GetSection(NotifyOptions.Section));
        services.AddSingleton(sp => new Conditions(sp.GetRequiredService<IOptions<SignOffOptions>>().Value));
        services.AddSingleton<CaseEffects>();
        services.AddSingleton<ProcedureEngine>();
        services.AddSingleton<CaseProcedure>();
        services.AddSingleton<RefusalText>();
        return services;
    }
}
