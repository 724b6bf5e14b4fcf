using Microsoft.Extensions.Options;
using OpinionBot.Storage.PostgreSql;

namespace OpinionBot.Delivery.Outbox.PostgreSql;

/// <summary>
/// Teams' rate limits counted in the database, so every instance sees every send: each granted send is a row of
/// <c>outbox_grants</c> under its conversation key and under <c>*</c> (the app). A send is granted when, in each window,
/// fewer than the limit were granted — checked and recorded in one transaction holding advisory locks on the
/// conversation and the app, so two instances never both take the last slot. That transaction runs alone, not in a
/// group-commit batch, so the app-wide lock is held for one check, not for a batch of other work. Grants older than the longest window are
/// deleted now and then. A refusal is remembered until the time it gave (sends by other instances only make that
/// later), so a paced conversation costs no round trip until then.
/// </summary>
public sealed class PostgresDeliveryPacer(PostgresDatabase database, PostgresStoreTransaction transaction, IOptions<DeliveryOptions> options) : IDeliveryPacer
{
    private const string AppKey = "*";
    private const int ConversationLocks = 0x0B07_0001;
    private const int AppLock = 0x0B07_0002;
    private const int ForgetEvery = 1000;

    private static readonly TimeSpan Longest = SlidingWindowLimiter.TeamsPerConversation.Max(w => w.Window);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> _notBefore = new(StringComparer.Ordinal);
    private int _granted;

    public bool TryAcquire(string conversationKey, DateTimeOffset now, out DateTimeOffset availableAt)
    {
        // Refused before until then: other instances' sends only move that later, so there is no need to ask again sooner.
        if (_notBefore.TryGetValue(conversationKey, out var refusedUntil) && refusedUntil > now)
        {
            availableAt = refusedUntil;
            return false;
        }

        var perApp = Math.Max(1, options.Value.GlobalPerSecond);
        var windows = SlidingWindowLimiter.TeamsPerConversation.Select(w => (Key: conversationKey, w.Window, w.Limit))
            .Append((Key: AppKey, Window: TimeSpan.FromSeconds(1), Limit: perApp))
            .ToList();

        var available = transaction.RunAlone(() =>
        {
            database.Execute("SELECT pg_advisory_xact_lock($1, hashtext($2)), pg_advisory_xact_lock($3, 0)", ConversationLocks, conversationKey, AppLock);
            // For each window, the limit-th latest grant still inside it: while there is one, the window is full until it leaves.
            var full = database.Query("""
                SELECT w.seconds, (SELECT g.at FROM outbox_grants g
                                   WHERE g.key = w.key AND g.at > $4 - make_interval(secs => w.seconds)
                                   ORDER BY g.at DESC OFFSET w.lim - 1 LIMIT 1)
                FROM unnest($1::text[], $2::float8[], $3::int[]) AS w(key, seconds, lim)
                """,
                r => r.IsDBNull(1) ? (DateTimeOffset?)null : PostgresDatabase.Instant(r, 1) + TimeSpan.FromSeconds(r.GetDouble(0)),
                windows.Select(w => w.Key).ToArray(), windows.Select(w => w.Window.TotalSeconds).ToArray(), windows.Select(w => w.Limit).ToArray(), now);
            var until = full.OfType<DateTimeOffset>().DefaultIfEmpty(now).Max();
            if (until > now)
                return until;
            database.Execute("INSERT INTO outbox_grants (key, at) VALUES ($1, $3), ($2, $3)", conversationKey, AppKey, now);
            return now;
        });

        availableAt = available;
        if (available > now)
        {
            _notBefore[conversationKey] = available;
            return false;
        }

        _notBefore.TryRemove(conversationKey, out _);
        if (Interlocked.Increment(ref _granted) % ForgetEvery == 0)
        {
            Forget(database, now);
            foreach (var passed in _notBefore.Where(p => p.Value <= now).Select(p => p.Key).ToList())
                _notBefore.TryRemove(passed, out _);
        }

        return true;
    }

    /// <summary>Deletes the grants no window looks at any more.</summary>
    public static int Forget(PostgresDatabase database, DateTimeOffset now) =>
        database.Execute("DELETE FROM outbox_grants WHERE at < $1", now - Longest);
}
