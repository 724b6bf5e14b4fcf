using OpinionBot.Bot;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;

namespace OpinionBot.Approvals;

public static class ApprovalRegistration
{
    public static IServiceCollection AddApprovals(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApprovalOptions>(configuration.GetSection(ApprovalOptions.Section));
        services.AddStore<ApprovalStore>();
        services.AddSingleton<IOutboxDeliveryListener>(sp => sp.GetRequiredService<ApprovalStore>());
        services.AddSingleton<ApprovalCard>();
        services.AddSingleton<ApprovalRouter>();
        services.AddSingleton<CaseNotifier>();
        services.AddSingleton<ApprovalFlow>();
        services.AddSingleton<ICommand, RespondCommand>();
        services.AddSingleton<ICardAction, ApprovalRefreshAction>();
        foreach (var (verb, action) in ApprovalVerbs.Actions)
            services.AddSingleton<ICardAction>(sp => ActivatorUtilities.CreateInstance<ApprovalDecisionAction>(sp, verb, action));
        return services;
    }
}
