using OpinionBot.Bot;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Procedure;
using OpinionBot.Storage;

namespace OpinionBot.Approvals;

public static class ApprovalRegistration
{
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddStore<IApprovalStore, ApprovalStore, PostgreSql.PostgresApprovalStore>();
        services.AddSingleton<IOutboxDeliveryListener>(sp => (IOutboxDeliveryListener)sp.GetRequiredService<IApprovalStore>());
        services.AddSingleton<IOutboxDeliveryListener, UndeliverableCards>();
        services.AddSingleton<IOutboxRenderer, ApprovalCardRenderer>();
        services.AddSingleton<ApprovalCard>();
        services.AddSingleton<ApprovalRouter>();
        services.AddSingleton<CaseNotifier>();
        services.AddSingleton<ApprovalCards>();
        services.AddSingleton<ICaseReaction>(sp => sp.GetRequiredService<ApprovalCards>());
        services.AddSingleton<ICaseReaction>(sp => sp.GetRequiredService<CaseNotifier>());
        services.AddSingleton<ICardAction, ApprovalRefreshAction>();
        foreach (var (action, verb) in ProcedureTable.Verbs)
            services.AddSingleton<ICardAction>(sp => ActivatorUtilities.CreateInstance<ApprovalDecisionAction>(sp, new ApprovalButton(verb, action)));
        services.AddSingleton<ICardAction>(sp => ActivatorUtilities.CreateInstance<ApprovalDecisionAction>(sp, new ApprovalButton(ApprovalCard.ChangeLevelVerb, null)));
        return services;
    }
}
