using OpinionBot.BotFramework.Schema;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Conversations.PostgreSql;

/// <summary>The conversations the bot is in (<c>conversations</c>) on PostgreSQL.</summary>
public sealed class PostgresConversationStore(PostgresDatabase database) : IConversationStore
{
    public ConversationRecord? Find(string conversationId) =>
        database.FindDocument<ConversationRecord>("SELECT doc FROM conversations WHERE id = $1", conversationId)
        ?? database.FindDocument<ConversationRecord>("SELECT doc FROM conversations WHERE base_id = $1 ORDER BY id LIMIT 1", conversationId);

    public ConversationRecord? FindPersonalChat(string? teamsUserId, string? aadObjectId) =>
        teamsUserId is null && aadObjectId is null
            ? null
            : database.FindDocument<ConversationRecord>("""
                SELECT doc FROM conversations
                WHERE conversation_type = $1 AND (user_id = $2 OR user_aad_object_id = $3)
                ORDER BY last_seen DESC LIMIT 1
                """, ConversationTypes.Personal, teamsUserId, aadObjectId);

    public IReadOnlyList<string> ServiceUrls() =>
        database.Query("SELECT DISTINCT service_url FROM conversations", r => r.GetString(0));

    public void Save(ConversationRecord record) =>
        database.Execute("""
            INSERT INTO conversations (id, base_id, conversation_type, service_url, user_id, user_aad_object_id, last_seen, doc)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET base_id = $2, conversation_type = $3, service_url = $4, user_id = $5,
                user_aad_object_id = $6, last_seen = $7, doc = $8
            """, record.Id, record.BaseId, record.ConversationType, record.ServiceUrl, record.UserId, record.UserAadObjectId, record.LastSeen,
            PostgresDatabase.Json(record));
}
