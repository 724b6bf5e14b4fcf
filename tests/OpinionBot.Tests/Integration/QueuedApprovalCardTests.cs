using System.Net;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using OpinionBot.Approvals;
using OpinionBot.Cases;
using OpinionBot.Delivery.Outbox;
using OpinionBot.Storage;
using OpinionBot.Testing;
using OpinionBot.Tests.Support;

namespace OpinionBot.Tests.Integration;

/// <summary>
/// A leader's personal card waits in the outbox while Teams will not take it (or paces the chat); it is rendered when it
/// goes out, so it shows the case as it is then, not as it was when it was queued.
/// </summary>
public sealed class QueuedApprovalCardTests : ApprovalTestBase
{
    private async Task<string> ReportWhileTheLeadersChatRefusesAsync()
    {
        await MeetAsync(Leader, TestRoster.LeaderEmail, LeaderChat);
        Connector.FailIn[LeaderChat] = HttpStatusCode.ServiceUnavailable;
        // Posted at 09:30: the review (1 h from the report) is the first deadline to pass.
        var number = await ReportAsync(IntakeSubmission.Valid().With("level", "IV").With("publishedTime", "09:30"));
        Assert.DoesNotContain(Connector.Accepted, a => a.Call.Path == $"/v3/conversations/{LeaderChat}/activities");
        return number;
    }

    private ConnectorCall DeliveredCard() =>
        Assert.Single(Connector.Accepted, a => a.Call.Method == "POST" && a.Call.Path == $"/v3/conversations/{LeaderChat}/activities").Call;

    [Fact]
    public async Task Only_the_address_is_queued_and_the_card_that_goes_out_later_shows_the_deadline_that_passed_meanwhile()
    {
        var number = await ReportWhileTheLeadersChatRefusesAsync();
        var queued = Database.GetCollection<OutboxMessage>("outbox").FindAll().Single(m => m.ConversationId == LeaderChat && m.Kind == OutboxKind.RenderedSend);
        Assert.DoesNotContain("attachments", queued.ActivityJson);
        Assert.Contains(LeaderChat, queued.ActivityJson);

        Connector.FailIn.TryRemove(LeaderChat, out _);
        Bot.Clock.Advance(TimeSpan.FromMinutes(61));
        await Bot.DeliverOutboxAsync();

        var card = Text(DeliveredCard().Card);
        Assert.Contains($"事件 {number} 待您审核", card);
        Assert.Contains("时限已过", card);
        Assert.NotNull(FindAction(DeliveredCard().Card, "case.approve"));
        Assert.Equal("zh-CN", DeliveredCard().Body!.Value.GetProperty("locale").GetString());
    }

    [Fact]
    public async Task A_request_closed_before_its_card_goes_out_is_delivered_with_its_decided_face()
    {
        var number = await ReportWhileTheLeadersChatRefusesAsync();
        var requests = Bot.Services.GetRequiredService<IApprovalStore>();
        Bot.Services.GetRequiredService<IStoreTransaction>().Run(() =>
        {
            var c = Bot.Services.GetRequiredService<ICaseStore>().Find(number)!;
            var outcome = new CaseEvent { CaseNumber = number, Kind = CaseEventKind.Approved, ActorName = "Zhao Min", At = Bot.Clock.GetUtcNow() };
            Bot.Services.GetRequiredService<ApprovalCards>().Close(c, requests.Open(number).Single(), outcome);
        });

        Connector.FailIn.TryRemove(LeaderChat, out _);
        Bot.Clock.Advance(TimeSpan.FromMinutes(1));
        await Bot.DeliverOutboxAsync();

        var card = DeliveredCard().Card;
        Assert.Contains("审核同意——Zhao Min", Text(card));
        Assert.Null(FindAction(card, "case.approve"));
        Assert.Contains("审核同意——Zhao Min", Text(Assert.Single(UpdatesIn(LeaderChat)).Card));
    }

    [Fact]
    public void A_card_whose_request_is_gone_renders_nothing_and_says_why()
    {
        var renderer = Bot.Services.GetServices<IOutboxRenderer>().OfType<ApprovalCardRenderer>().Single();
        var message = new OutboxMessage { Kind = OutboxKind.RenderedSend, CorrelationKey = ApprovalStore.CorrelationKey(ObjectId.NewObjectId()) };

        Assert.True(renderer.Renders(message));
        Assert.Null(renderer.Render(message, out var why));
        Assert.Equal($"its approval request ({message.CorrelationKey}) is gone", why);
        Assert.False(renderer.Renders(new OutboxMessage { CorrelationKey = "briefing:1" }));
    }
}
