using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Briefings.PostgreSql;

/// <summary>Briefing subscriptions, runs and schedule watches on PostgreSQL; a run's period is its key, so one instance records it.</summary>
public sealed class PostgresBriefingStore(PostgresDatabase database) : IBriefingStore
{
    public bool Subscribe(BriefingSubscription subscription) =>
        database.Execute("INSERT INTO briefing_subscriptions (conversation_id, doc) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            subscription.ConversationId, PostgresDatabase.Json(subscription)) == 1;

    public bool Unsubscribe(string conversationId) =>
        database.Execute("DELETE FROM briefing_subscriptions WHERE conversation_id = $1", conversationId) == 1;

    public bool IsSubscribed(string conversationId) =>
        database.Exists("SELECT 1 FROM briefing_subscriptions WHERE conversation_id = $1", conversationId);

    public IReadOnlyList<BriefingSubscription> AllSubscriptions() =>
        database.Documents<BriefingSubscription>("SELECT doc FROM briefing_subscriptions")
            .OrderBy(s => s.ConversationId, StringComparer.Ordinal).ToList();

    public bool HasRun(string period) => database.Exists("SELECT 1 FROM briefing_runs WHERE period = $1", period);

    public BriefingRun? FindRun(string period) => database.FindDocument<BriefingRun>("SELECT doc FROM briefing_runs WHERE period = $1", period);

    public bool TryRecordRun(BriefingRun run) =>
        database.Execute("INSERT INTO briefing_runs (period, kind, doc) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            run.Period, run.Kind, PostgresDatabase.Json(run)) == 1;

    public DateTimeOffset WatchedSince(BriefingKind kind, DateTimeOffset now)
    {
        var key = $"watch:{kind}";
        var since = database.Query("""
            WITH added AS (INSERT INTO briefing_watch (kind, since) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING since)
            SELECT since FROM added UNION ALL SELECT since FROM briefing_watch WHERE kind = $1
            """, r => PostgresDatabase.Instant(r, 0), key, now);
        // Another instance's insert, committed after this statement's snapshot, is read on its own.
        return since.Count > 0 ? since[0] : database.Query("SELECT since FROM briefing_watch WHERE kind = $1", r => PostgresDatabase.Instant(r, 0), key)[0];
    }
}
