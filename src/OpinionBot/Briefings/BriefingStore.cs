using LiteDB;
using OpinionBot.Storage;

namespace OpinionBot.Briefings;

/// <summary>A channel or group chat that receives the daily briefing and the weekly summary, keyed by its base conversation id.</summary>
public sealed class BriefingSubscription
{
    [BsonId]
    public string ConversationId { get; set; } = "";
    public string ByKey { get; set; } = "";
    public string ByName { get; set; } = "";
    public DateTimeOffset Since { get; set; }
}

/// <summary>One briefing sent (or being sent) for one period, e.g. <c>daily:2026-11-22</c> or <c>weekly:2026-11-16</c>.</summary>
public sealed class BriefingRun
{
    [BsonId]
    public string Period { get; set; } = "";
    public BriefingKind Kind { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public bool Late { get; set; }
    public int Conversations { get; set; }
}

public enum BriefingKind
{
    Daily,
    Weekly,
}

/// <summary>Subscriptions, the record of every briefing run, and when each schedule was first watched (catch-up starts there).</summary>
public sealed class BriefingStore(ILiteDatabase database) : IBriefingStore, ICollectionIndexes
{
    private ILiteCollection<BriefingSubscription> Subscriptions => database.GetCollection<BriefingSubscription>("briefing_subscriptions");
    private ILiteCollection<BriefingRun> Runs => database.GetCollection<BriefingRun>("briefing_runs");
    private ILiteCollection<BsonDocument> Watch => database.GetCollection("briefing_watch");

    /// <summary>
    /// Creates all three collections at start: LiteDB 5 must not create a collection on a background thread while
    /// others write (the catch-up runs in the background).
    /// </summary>
    public void EnsureIndexes()
    {
        Runs.EnsureIndex(r => r.Kind);
        Subscriptions.EnsureIndex(s => s.Since);
        Watch.EnsureIndex("since", "$.since");
    }

    /// <summary>Adds the subscription; false when the conversation is already subscribed.</summary>
    public bool Subscribe(BriefingSubscription subscription)
    {
        if (Subscriptions.Exists(s => s.ConversationId == subscription.ConversationId)) return false;
        Subscriptions.Insert(subscription);
        return true;
    }

    public bool Unsubscribe(string conversationId) => Subscriptions.Delete(conversationId);

    public bool IsSubscribed(string conversationId) => Subscriptions.Exists(s => s.ConversationId == conversationId);

    public IReadOnlyList<BriefingSubscription> AllSubscriptions() => Subscriptions.FindAll().OrderBy(s => s.ConversationId, StringComparer.Ordinal).ToList();

    public bool HasRun(string period) => Runs.Exists(r => r.Period == period);

    public BriefingRun? FindRun(string period) => Runs.FindById(period);

    /// <summary>Records a run; false when that period already has one (then nothing may be sent).</summary>
    public bool TryRecordRun(BriefingRun run)
    {
        if (Runs.Exists(r => r.Period == run.Period)) return false;
        Runs.Insert(run);
        return true;
    }

    /// <summary>When the service first watched <paramref name="kind"/>'s schedule; set to <paramref name="now"/> the first time it is asked.</summary>
    public DateTimeOffset WatchedSince(BriefingKind kind, DateTimeOffset now)
    {
        var id = $"watch:{kind}";
        if (Watch.FindById(id) is { } existing)
            return new DateTimeOffset(existing["since"].AsDateTime.ToUniversalTime(), TimeSpan.Zero);
        Watch.Insert(new BsonDocument { ["_id"] = id, ["since"] = now.UtcDateTime });
        return now;
    }
}
