using Microsoft.Extensions.Time.Testing;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Localization;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Conversations;

public sealed class ConversationRecorderTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ConversationStore _store;
    private readonly ConversationRecorder _recorder;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero));

    public ConversationRecorderTests()
    {
        _store = new ConversationStore(_db.Database);
        _recorder = new ConversationRecorder(_store, _time, Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationRecorder>.Instance);
    }

    [Fact]
    public void An_unchanged_conversation_is_saved_again_only_hourly_and_a_changed_one_at_once()
    {
        _recorder.Record(Activity("message", "en-US"));
        var first = _store.Find("19:chat")!.LastSeen;

        _time.Advance(TimeSpan.FromMinutes(59));
        _recorder.Record(Activity("message", "en-US"));
        Assert.Equal(first, _store.Find("19:chat")!.LastSeen);

        var renamed = Activity("message", "en-US");
        renamed.Conversation!.Name = "舆情工作群";
        _recorder.Record(renamed);
        Assert.Equal((first.AddMinutes(59), "舆情工作群"), (_store.Find("19:chat")!.LastSeen, _store.Find("19:chat")!.Name));

        _time.Advance(TimeSpan.FromHours(1));
        _recorder.Record(renamed);
        Assert.Equal(first.AddMinutes(119), _store.Find("19:chat")!.LastSeen);
    }

    [Fact]
    public void Only_a_typed_language_sets_the_conversations_language()
    {
        _recorder.Record(Activity("installationUpdate", "en-US"));
        Assert.Null(_store.Find("19:chat")!.Locale);

        _recorder.Record(Activity("message", "en-US"), typed: Language.ZhCn);
        _recorder.Record(Activity("invoke", "en-US"));
        _recorder.Record(Activity("conversationUpdate", "en-US"));

        Assert.Equal("zh-CN", _store.Find("19:chat")!.Locale);
    }

    [Fact]
    public void A_locale_stored_before_languages_were_learned_from_typing_is_forgotten_at_start()
    {
        _store.Save(new ConversationRecord { Id = "19:old", BaseId = "19:old", Locale = "en-US" });
        _store.Save(new ConversationRecord { Id = "19:typed", BaseId = "19:typed", Locale = "en-US", LocaleTyped = true });

        _store.EnsureIndexes();

        Assert.Null(_store.Find("19:old")!.Locale);
        Assert.Equal("en-US", _store.Find("19:typed")!.Locale);
    }

    private static Activity Activity(string type, string locale) => new()
    {
        Type = type,
        ServiceUrl = "https://smba.example/",
        Locale = locale,
        Conversation = new ConversationAccount { Id = "19:chat", ConversationType = ConversationTypes.GroupChat, IsGroup = true },
        From = new ChannelAccount { Id = "29:someone" },
        Recipient = new ChannelAccount { Id = "28:bot" },
    };

    public void Dispose() => _db.Dispose();
}
