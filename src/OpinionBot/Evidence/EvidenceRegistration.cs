using OpinionBot.Bot;
using OpinionBot.Storage;

namespace OpinionBot.Evidence;

public static class EvidenceRegistration
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.Section));
        services.AddStore<IEvidenceStore, EvidenceStore, PostgreSql.PostgresEvidenceStore>();
        services.AddSingleton<EvidenceCollector>();
        services.AddSingleton<ICommand, AttachCommand>();
        services.AddSingleton<IFreeTextHandler, FilesAfterReport>();
        return services;
    }
}
