using OpinionBot.Bot;
using OpinionBot.Briefings;
using OpinionBot.Procedure;
using OpinionBot.Records.Archive;
using OpinionBot.Records.DeadLetters;
using OpinionBot.Records.Dossier;
using OpinionBot.Records.Evidence;
using OpinionBot.Records.Files;
using OpinionBot.Records.Register;
using OpinionBot.Records.SpecialReport;
using OpinionBot.Storage;

namespace OpinionBot.Records;

public static class RecordsRegistration
{
    /// <summary>
    /// Records the office sends upward: download links (<c>GET /files/{id}</c>), the register (.xlsx), special reports
    /// and briefing documents (.docx), archive packages (.zip, also made when a case is archived), evidence downloads
    /// from the case card, and the dead-letter view of the outbox. Their stores follow <c>Storage:Provider</c> like every other.
    /// </summary>
    public static IServiceCollection AddRecords(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FilesOptions>(options =>
        {
            configuration.GetSection(FilesOptions.Section).Bind(options);
            options.PublicUrl = configuration[FilesOptions.PublicUrlKey] ?? "";
        });
        services.AddStore<IDownloadLinkStore, DownloadLinkStore, Files.PostgreSql.PostgresDownloadLinkStore>();
        services.AddStore<IRecordFileStore, RecordFileStore, Files.PostgreSql.PostgresRecordFileStore>();
        services.AddSingleton<DownloadLinks>();
        services.AddSingleton<DownloadOffer>();
        services.AddHostedService<ExpiredFileSweep>();
        services.AddSingleton<CaseDossiers>();

        services.AddChosen<IRegisterSource, RegisterSource, Register.PostgreSql.PostgresRegisterSource>();
        services.AddSingleton<RegisterWorkbook>();
        services.AddSingleton<ICommand, ExportRegisterCommand>();

        services.AddSingleton<CaseReportWriter>();
        services.AddSingleton<BriefingReportWriter>();
        services.AddSingleton<ICommand, SpecialReportCommand>();
        services.AddSingleton<ICardAction, BriefingReportAction>();

        services.AddStore<IArchiveStore, ArchiveStore, Archive.PostgreSql.PostgresArchiveStore>();
        services.AddSingleton<ArchiveRequests>();
        services.AddSingleton<ArchivePackages>();
        services.AddSingleton<ArchiveSignal>();
        services.AddSingleton<ArchivePackaging>();
        services.AddSingleton<ArchivePackageBuilder>();
        services.AddSingleton<ICaseReaction, PackageWhenArchived>();
        services.AddSingleton<ArchiveWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ArchiveWorker>());
        services.AddSingleton<ICommand, ArchiveCommand>();

        services.AddSingleton<EvidenceList>();
        services.AddSingleton<ICardAction, EvidenceDownloadAction>();

        services.AddSingleton<DeadLetterCard>();
        services.AddSingleton<ICommand, DeadLetterCommand>();
        services.AddSingleton<ICardAction>(sp => ActivatorUtilities.CreateInstance<DeadLetterAction>(sp, DeadLetterCard.RetryVerb, true));
        services.AddSingleton<ICardAction>(sp => ActivatorUtilities.CreateInstance<DeadLetterAction>(sp, DeadLetterCard.DiscardVerb, false));
        services.AddSingleton<IOfficeBriefingNote, DeadLetterNote>();
        return services;
    }
}
