using LiteDB;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Storage;

namespace OpinionBot.Conversations;

public sealed class ConversationStore(ILiteDatabase database) : IConversationStore, ICollectionIndexes
{
    private static readonly PreparedExpression BaseIdEquals = new("$.BaseId = @0");
    private static readonly PreparedExpression UserIdEquals = new("$.UserId = @0");
    private static readonly PreparedExpression UserAadObjectIdEquals = new("$.UserAadObjectId = @0");

    private readonly DocumentCache<ConversationRecord> _read = DocumentCache.Of<ConversationRecord>(database, "conversations", r => r with { });

    private ILiteCollection<ConversationRecord> Records => database.GetCollection<ConversationRecord>("conversations");
    private ILiteCollection<BsonDocument> Documents => database.GetCollection("conversations");

    public void EnsureIndexes()
    {
        Records.EnsureIndex(r => r.BaseId);
        Records.EnsureIndex(r => r.UserAadObjectId);
        Records.EnsureIndex(r => r.UserId);
        ForgetUntypedLocales();
    }

    /// <summary>
    /// Records made before languages were learned from typed messages only hold the client's locale of whatever
    /// activity came last (an install event's en-US, say): it is forgotten, so the organisation's default applies
    /// until someone types there.
    /// </summary>
    private void ForgetUntypedLocales()
    {
        foreach (var record in Records.Find(r => r.Locale != null && !r.LocaleTyped).ToList())
        {
            record.Locale = null;
            Records.Update(record);
            _read.Written();
        }
    }

    public ConversationRecord? Find(string conversationId) =>
        _read.GetOne($"id:{conversationId}", () => Documents.Get(conversationId) ?? Documents.Find(BaseIdEquals.With(conversationId)).FirstOrDefault());

    /// <summary>The personal chat with a user, by Teams user id or Entra object id (the one last seen): two index lookups.</summary>
    public ConversationRecord? FindPersonalChat(string? teamsUserId, string? aadObjectId)
    {
        var byUser = teamsUserId is null ? [] : _read.Get($"user:{teamsUserId}", () => Documents.Find(UserIdEquals.With(teamsUserId)));
        var byAad = aadObjectId is null ? [] : _read.Get($"aad:{aadObjectId}", () => Documents.Find(UserAadObjectIdEquals.With(aadObjectId)));
        return byUser.Concat(byAad)
            .Where(r => string.Equals(r.ConversationType, ConversationTypes.Personal, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(r => r.LastSeen)
            .FirstOrDefault();
    }

    public IReadOnlyList<string> ServiceUrls() => Records.FindAll().Select(r => r.ServiceUrl).Distinct().ToList();

    public void Save(ConversationRecord record)
    {
        Records.Upsert(record);
        _read.Written();
    }
}
