using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Briefings;
using OpinionBot.Conversations;
using OpinionBot.Delivery;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Records.DeadLetters;
using OpinionBot.Testing;

namespace OpinionBot.Tests.Records;

/// <summary><c>投递失败</c> / <c>outbox</c>: dead-lettered messages, retried or discarded by admins and the office only.</summary>
public sealed class DeadLetterTests : RecordsTestBase
{
    private OutboxStore Outbox => Bot.Services.GetRequiredService<OutboxStore>();

    [Fact]
    public async Task The_office_sees_a_dead_letter_and_retries_it_while_an_officer_is_refused()
    {
        Assert.Contains("没有投递失败的消息", (await OfficeSaysAsync("投递失败")).CardJson, StringComparison.Ordinal);
        var id = await DeadLetterAsync("第一条");
        Bot.Clock.Advance(TimeSpan.FromHours(3));

        var card = (await OfficeSaysAsync("投递失败")).Card;

        var text = Text(card);
        Assert.Contains("投递失败的消息：1 条", text, StringComparison.Ordinal);
        Assert.Contains($"#{id} · 新消息", text, StringComparison.Ordinal);
        Assert.Contains("permanent failure", text, StringComparison.Ordinal);
        Assert.Contains("3 小时", text, StringComparison.Ordinal);
        Assert.Contains("个人聊天", text, StringComparison.Ordinal);

        var refused = await PressAsync(TeamsActivities.Officer, DeadLetterCard.RetryVerb, ButtonData(card, DeadLetterCard.RetryVerb));
        Assert.Equal(400, refused.GetProperty("statusCode").GetInt32());
        Assert.Contains("只有管理员和舆情办", Text(refused), StringComparison.Ordinal);
        Assert.Equal(OutboxState.Dead, Outbox.Find(id)!.State);
        Assert.Contains("Only admins and the office", (await SayAsync("outbox", locale: "en-US")).Text ?? "", StringComparison.Ordinal);

        var retried = await PressAsync(Office, DeadLetterCard.RetryVerb, ButtonData(card, DeadLetterCard.RetryVerb));

        Assert.Contains($"消息 #{id} 已重新排队发送", Text(retried), StringComparison.Ordinal);
        Assert.Equal(OutboxState.Sent, Outbox.Find(id)!.State);
        var again = await PressAsync(Office, DeadLetterCard.RetryVerb, ButtonData(card, DeadLetterCard.RetryVerb));
        Assert.Contains($"消息 #{id} 已被重试或放弃", Text(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_discarded_dead_letter_is_gone()
    {
        var id = await DeadLetterAsync("第二条");
        var card = (await OfficeSaysAsync("outbox", "en-US")).Card;

        var answer = await PressAsync(Office, DeadLetterCard.DiscardVerb, ButtonData(card, DeadLetterCard.DiscardVerb));

        Assert.Contains($"Message #{id} was discarded", Text(answer), StringComparison.Ordinal);
        Assert.Null(Outbox.Find(id));
        Assert.Contains("Undelivered messages: 0", Text(answer), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_channels_daily_briefing_counts_the_dead_letters_and_offers_the_docx()
    {
        await RecordOfficeChannelAsync();
        Bot.Services.GetRequiredService<BriefingStore>().Subscribe(new BriefingSubscription { ConversationId = TestRoster.OfficeChannel, Since = Bot.Clock.GetUtcNow() });
        await DeadLetterAsync("会失败的消息");
        await DeadLetterAsync("又一条");
        var before = Connector.ActivityCalls.Count;

        Assert.True(Bot.Services.GetRequiredService<BriefingSender>().SendDaily(new DateOnly(2026, 11, 22), late: false));
        await Bot.DeliverOutboxAsync();

        var briefing = Connector.ActivityCalls.Skip(before).Single(c => c.Path.Contains(TestRoster.OfficeChannel, StringComparison.Ordinal));
        Assert.Contains("有 2 条消息投递失败", Text(briefing.Card), StringComparison.Ordinal);
        Assert.NotNull(FindAction(briefing.Card, "briefing.docx"));
    }

    [Fact]
    public async Task A_card_that_had_nothing_left_to_show_when_it_was_to_go_out_is_listed_with_the_reason()
    {
        await OfficeSaysAsync("我的");
        var to = Bot.Services.GetRequiredService<ConversationStore>().Find("a:personal-1")!;
        var gone = OpinionBot.Approvals.ApprovalStore.CorrelationKey(LiteDB.ObjectId.NewObjectId());
        var id = Bot.Services.GetRequiredService<ProactiveSender>().EnqueueRendered(to, gone);
        await Bot.DeliverOutboxAsync();

        var text = Text((await OfficeSaysAsync("投递失败")).Card);

        Assert.Contains($"#{id} · 卡片（发送时生成）", text, StringComparison.Ordinal);
        Assert.Contains($"nothing to render: its approval request ({gone}) is gone", text, StringComparison.Ordinal);
        Assert.Contains($"#{id} · card (made when sent)", Text((await OfficeSaysAsync("outbox", "en-US")).Card), StringComparison.Ordinal);
    }

    /// <summary>A message to the office's personal chat that Teams refuses for good (403): dead-lettered at once.</summary>
    private async Task<long> DeadLetterAsync(string text)
    {
        await OfficeSaysAsync("我的");
        var to = Bot.Services.GetRequiredService<ConversationStore>().Find("a:personal-1")!;
        Connector.FailWith = HttpStatusCode.Forbidden;
        var id = Bot.Services.GetRequiredService<ProactiveSender>().Enqueue(to, Activity.CreateMessageActivity(text));
        await Bot.DeliverOutboxAsync();
        Connector.FailWith = null;
        Assert.Equal(OutboxState.Dead, Outbox.Find(id)!.State);
        return id;
    }
}
