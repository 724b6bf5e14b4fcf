using System.Runtime.CompilerServices;
using LiteDB;

namespace OpinionBot.Delivery.Outbox;

/// <summary>
/// The ids of one LiteDB database's pending outbox messages, per conversation, in memory: a claim then costs what it
/// hands out, not a read of the whole backlog (with Teams' pacing one conversation can hold thousands). Read from the
/// database once, on first use; afterwards kept in step by the store, each change applied once its transaction has
/// committed, so the queues never hold a message another reader cannot see yet. A claimed id whose message turns out
/// not to be pending any more is dropped at the claim.
/// </summary>
internal sealed class PendingQueues
{
    private static readonly ConditionalWeakTable<ILiteDatabase, PendingQueues> ByDatabase = new();

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SortedSet<long>> _byConversation = new(StringComparer.Ordinal);

    /// <summary>
    /// Conversations whose claimed messages were given back until a time (<see cref="IOutboxStore.Release"/>): claiming
    /// them before then would read their messages from the file only to give them back again, on every pass.
    /// </summary>
    private readonly Dictionary<string, DateTimeOffset> _heldUntil = new(StringComparer.Ordinal);
    private Func<IEnumerable<(long Id, string ConversationKey)>>? _load;

    private PendingQueues(Func<IEnumerable<(long Id, string ConversationKey)>> load) => _load = load;

    /// <summary>The queues of <paramref name="database"/>, shared by every store on it; <paramref name="load"/> reads the pending messages once.</summary>
    public static PendingQueues Of(ILiteDatabase database, Func<IEnumerable<(long Id, string ConversationKey)>> load) =>
        ByDatabase.GetValue(database, _ => new PendingQueues(load));

    public void Add(long id, string conversationKey)
    {
        lock (_gate)
        {
            Load();
            Put(id, conversationKey);
        }
    }

    public void Remove(long id, string conversationKey)
    {
        lock (_gate)
        {
            Load();
            if (_byConversation.TryGetValue(conversationKey, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                _byConversation.Remove(conversationKey);
                _heldUntil.Remove(conversationKey);
            }
        }
    }

    /// <summary>
    /// Per conversation its oldest <paramref name="perConversation"/> ids, leaving out the conversations held past
    /// <paramref name="now"/> (<see cref="Hold"/>); conversations ordered by their oldest.
    /// </summary>
    public List<(string ConversationKey, List<long> Ids)> Heads(int perConversation, DateTimeOffset now)
    {
        lock (_gate)
        {
            Load();
            return _byConversation.Where(q => !IsHeld(q.Key, now))
                .Select(q => (q.Key, q.Value.Take(perConversation).ToList())).OrderBy(q => q.Item2[0]).ToList();
        }
    }

    /// <summary>Nothing of the conversation is handed out before <paramref name="until"/> (its head is paced or waits for a retry).</summary>
    public void Hold(string conversationKey, DateTimeOffset until)
    {
        lock (_gate)
            _heldUntil[conversationKey] = until;
    }

    /// <summary>The earliest time after <paramref name="now"/> at which a held conversation with pending messages is handed out again; null when none is held.</summary>
    public DateTimeOffset? HeldUntil(DateTimeOffset now)
    {
        lock (_gate)
        {
            DateTimeOffset? earliest = null;
            foreach (var (conversationKey, until) in _heldUntil)
            {
                if (until > now && _byConversation.ContainsKey(conversationKey) && (earliest is null || until < earliest))
                    earliest = until;
            }

            return earliest;
        }
    }

    /// <summary>The conversation is handed out again at the next claim (a message put back in line by hand).</summary>
    public void Unhold(string conversationKey)
    {
        lock (_gate)
            _heldUntil.Remove(conversationKey);
    }

    private bool IsHeld(string conversationKey, DateTimeOffset now)
    {
        if (!_heldUntil.TryGetValue(conversationKey, out var until)) return false;
        if (until > now) return true;
        _heldUntil.Remove(conversationKey);
        return false;
    }

    private void Load()
    {
        if (_load is not { } load) return;
        _load = null;
        foreach (var (id, conversationKey) in load())
            Put(id, conversationKey);
    }

    private void Put(long id, string conversationKey)
    {
        if (!_byConversation.TryGetValue(conversationKey, out var ids))
            _byConversation[conversationKey] = ids = [];
        ids.Add(id);
    }
}
