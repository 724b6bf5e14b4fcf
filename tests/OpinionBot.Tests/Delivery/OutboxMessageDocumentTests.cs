using OpinionBot.Delivery.Outbox;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Delivery;

public sealed class OutboxMessageDocumentTests
{
    private static void AssertWrittenAsTheMapperWrites(OutboxMessage message) => MapperDocuments.AssertWrittenAsTheMapperWrites(message, OutboxMessageDocument.Of);

    [Fact]
    public void Every_member_filled_is_written_byte_for_byte_as_the_mapper_writes_it() =>
        AssertWrittenAsTheMapperWrites((OutboxMessage)FilledObjects.Filled(typeof(OutboxMessage)));

    [Fact]
    public void Members_left_empty_are_left_out_as_the_mapper_leaves_them_out() =>
        AssertWrittenAsTheMapperWrites(new OutboxMessage { Id = 7, ConversationKey = "https://smba|a:1", ActivityJson = "{}" });

    [Fact]
    public void A_message_not_yet_numbered_is_written_without_an_id_so_the_collection_numbers_it()
    {
        var document = OutboxMessageDocument.Of(new OutboxMessage { ActivityJson = "{}", State = OutboxState.Pending });

        Assert.False(document.ContainsKey("_id"));
        Assert.Equal("Pending", document[nameof(OutboxMessage.State)].AsString);
    }

    [Fact]
    public void Queued_messages_are_numbered_in_order_and_read_back_whole()
    {
        using var db = new TestDatabase();
        var store = new OutboxStore(db.Database);
        var now = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

        var first = store.Enqueue(new OutboxMessage { ConversationKey = "k|a", ServiceUrl = "https://smba.example/", ConversationId = "a", ActivityJson = "{\"text\":\"一\"}", CreatedAt = now, NextAttemptAt = now });
        var second = store.Enqueue(new OutboxMessage { ConversationKey = "k|a", ServiceUrl = "https://smba.example/", ConversationId = "a", ActivityJson = "{\"text\":\"二\"}", CreatedAt = now, NextAttemptAt = now, CorrelationKey = "approval:x" });

        Assert.Equal(first + 1, second);
        var read = db.Database.GetCollection<OutboxMessage>(OutboxStore.CollectionName).FindById(second);
        Assert.Equal("{\"text\":\"二\"}", read.ActivityJson);
        Assert.Equal("approval:x", read.CorrelationKey);
        Assert.Equal(OutboxState.Pending, read.State);
        Assert.Equal(now, read.NextAttemptAt);
    }
}
