using Microsoft.Extensions.Time.Testing;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Conversations;
using OpinionBot.Localization;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Conversations;

public sealed class ConversationLanguageTests : IDisposable
{
    private readonly TestDatabase _db = new();
    private readonly ConversationStore _store;
    private readonly ConversationRecorder _recorder;

    public ConversationLanguageTests()
    {
        _store = new ConversationStore(_db.Database);
        _recorder = new ConversationRecorder(_store, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero)), Microsoft.Extensions.Logging.Abstractions.NullLogger<ConversationRecorder>.Instance);
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
