using OpinionBot.Bot;
using OpinionBot.Storage;

namespace OpinionBot.Conversations;

public static class ConversationRegistration
{
    public static IServiceCollection AddConversations(this IServiceCollection services)
    {
        services.AddStore<IConversationStore, ConversationStore, PostgreSql.PostgresConversationStore>();
        services.AddSingleton<ConversationRecorder>();
        services.AddSingleton<ICommand, WhereAmICommand>();
        services.AddHostedService<TrustStoredServiceUrls>();
        return services;
    }
}
