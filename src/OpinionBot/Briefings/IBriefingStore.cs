namespace OpinionBot.Briefings;

/// <summary>Briefing subscriptions and runs (<see cref="BriefingStore"/> on LiteDB, <see cref="PostgreSql.PostgresBriefingStore"/> on PostgreSQL).</summary>
public interface IBriefingStore
{
    /// <summary>Adds the subscription; false when the conversation is already subscribed.</summary>
    bool Subscribe(BriefingSubscription subscription);

    bool Unsubscribe(string conversationId);

    bool IsSubscribed(string conversationId);

    IReadOnlyList<BriefingSubscription> AllSubscriptions();

    bool HasRun(string period);

    BriefingRun? FindRun(string period);

    /// <summary>Records a run; false when that period already has one (then nothing may be sent).</summary>
    bool TryRecordRun(BriefingRun run);

    /// <summary>When the service first watched <paramref name="kind"/>'s schedule; set to <paramref name="now"/> the first time it is asked.</summary>
    DateTimeOffset WatchedSince(BriefingKind kind, DateTimeOffset now);
}
