using OpinionBot.Bot;
using OpinionBot.Cases.Commands;
using OpinionBot.Cases.Intake;
using OpinionBot.Storage;

namespace OpinionBot.Cases;

public static class CaseRegistration
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddStore<ICaseStore, CaseStore, PostgreSql.PostgresCaseStore>();
        services.AddOptions<Levels.LevelSuggestionOptions>().BindConfiguration(Levels.LevelSuggestionOptions.Section);
        services.AddSingleton<Levels.LevelSuggestionLine>();
        services.AddSingleton<CaseCard>();
        services.AddSingleton<MyCasesCard>();
        services.AddSingleton<CaseLookup>();
        services.AddSingleton<IntakeValidator>();
        services.AddSingleton<ICommand, ReportCommand>();
        services.AddSingleton<ICommand, MyCasesCommand>();
        services.AddSingleton<ICommand, ShowCaseCommand>();
        services.AddSingleton<ICommand, UpdateCommand>();
        services.AddSingleton<ICommand, ResolveCommand>();
        services.AddSingleton<ICommand, ReviewCommand>();
        services.AddSingleton<ICommand, ReopenCommand>();
        services.AddSingleton<ICommand, Statements.RespondCommand>();
        services.AddSingleton<ICommand, Dispatches.CooperateCommand>();
        services.AddSingleton<Related.CaseLinks>();
        services.AddSingleton<ICommand, Related.LinkCommand>();
        services.AddSingleton<LifecycleCommandRunner>();
        services.AddSingleton<ICardAction, ReportCardAction>();
        services.AddSingleton<IFreeTextHandler, PastedLinkIntake>();
        return services;
    }
}
