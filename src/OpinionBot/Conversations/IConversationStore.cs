namespace OpinionBot.Conversations;

/// <summary>The conversations the bot is in (<see cref="ConversationStore"/> on LiteDB, <see cref="PostgreSql.PostgresConversationStore"/> on PostgreSQL).</summary>
public interface IConversationStore
{
    ConversationRecord? Find(string conversationId);

    /// <summary>The personal chat with a user, by Teams user id or Entra object id.</summary>
    ConversationRecord? FindPersonalChat(string? teamsUserId, string? aadObjectId);

    IReadOnlyList<string> ServiceUrls();

    void Save(ConversationRecord record);
}
