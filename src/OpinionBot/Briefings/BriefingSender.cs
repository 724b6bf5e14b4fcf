using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Localization;
using OpinionBot.Storage;

namespace OpinionBot.Briefings;

/// <summary>
/// Sends the briefing of one period to every subscribed conversation, at most once per period: the run is recorded
/// and the cards enqueued into the outbox in one <see cref="IStoreTransaction"/>, so neither a second call (the job and
/// the catch-up racing, a restart) nor a crash half-way can send it twice.
/// </summary>
public sealed class BriefingSender(
    IBriefingStore store,
    IBriefingAggregator aggregator,
    BriefingCards cards,
    WeeklyChart chart,
    IConversationStore conversations,
    ProactiveSender sender,
    OutboxSignal signal,
    IStoreTransaction transaction,
    OrganizationClock clock,
    Roster.IRosterStore roster,
    IEnumerable<IOfficeBriefingNote> officeNotes,
    ILogger<BriefingSender> logger)
{
    public static string DailyKey(DateOnly day) => $"daily:{day:yyyy-MM-dd}";

    public static string WeeklyKey(DateOnly monday) => $"weekly:{monday:yyyy-MM-dd}";

    /// <summary>The daily briefing for <paramref name="day"/>; false when it was already sent.</summary>
    public bool SendDaily(DateOnly day, bool late)
    {
        var key = DailyKey(day);
        if (store.HasRun(key)) return false;
        var figures = aggregator.Daily(day, clock.UtcNow);
        return Send(key, BriefingKind.Daily, late, (language, office) =>
            cards.Daily(figures, language, late, office ? officeNotes.Select(n => n.DailyNote(language)).OfType<string>().ToList() : null).ToActivity(), null);
    }

    /// <summary>The weekly summary of the week starting <paramref name="monday"/>; false when it was already sent.</summary>
    public bool SendWeekly(DateOnly monday, bool late)
    {
        var key = WeeklyKey(monday);
        if (store.HasRun(key)) return false;
        var figures = aggregator.Weekly(monday, monday.AddDays(6));
        var png = chart.Render(figures.Trend);
        return Send(key, BriefingKind.Weekly, late, (language, _) => cards.Weekly(figures, language, late).ToActivity(), png);
    }

    public static Attachment ChartAttachment(byte[] png) => new()
    {
        ContentType = "image/png",
        ContentUrl = "data:image/png;base64," + Convert.ToBase64String(png),
        Name = "weekly-cases.png",
    };

    /// <summary><paramref name="build"/> makes the card for a language and whether the conversation is the office's.</summary>
    private bool Send(string key, BriefingKind kind, bool late, Func<Language, bool, Activity> build, byte[]? png)
    {
        var targets = store.AllSubscriptions()
            .Select(s => conversations.Find(s.ConversationId))
            .OfType<ConversationRecord>()
            .Where(r => r.Installed)
            .ToList();
        var officeConversation = roster.OrganizationRoles().OfficeConversationId is { } office ? ConversationRecord.BaseOf(office) : null;
        var built = new Dictionary<(Language, bool), Activity>();
        var messages = targets.Select(to =>
        {
            var language = LanguageTags.FromLocale(to.Locale) ?? clock.DefaultLanguage;
            var isOffice = to.BaseId == officeConversation;
            if (!built.TryGetValue((language, isOffice), out var template))
                built[(language, isOffice)] = template = build(language, isOffice);
            var activity = new Activity
            {
                Type = ActivityTypes.Message,
                Locale = language.Tag(),
                Attachments = png is null ? template.Attachments : [.. template.Attachments!, ChartAttachment(png)],
            };
            return (to, activity);
        }).ToList();

        var sent = transaction.Run(() =>
        {
            if (!store.TryRecordRun(new BriefingRun { Period = key, Kind = kind, SentAt = clock.UtcNow, Late = late, Conversations = messages.Count }))
                return false;
            sender.EnqueueAll(messages);
            return true;
        });
        if (!sent) return false;

        signal.Notify();
        logger.LogInformation("Briefing {Period} queued for {Count} conversations{Late}", key, messages.Count, late ? " (late)" : "");
        return true;
    }
}
