using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Briefings;

/// <summary>Who may manage briefing subscriptions and ask for <c>stats</c>: the office, admins, the leading-group head and leaders — not plain officers.</summary>
public static class BriefingAccess
{
    public static bool MayUse(Actor actor) =>
        actor.IsOffice || actor.IsAdmin || actor.IsLeadingGroupHead || actor.SupervisorOf.Count > 0 || actor.PrincipalOf.Count > 0;

    public static bool IsShared(CommandContext context) =>
        context.Turn.Activity.Conversation?.ConversationType is ConversationTypes.Channel or ConversationTypes.GroupChat;

    public static string ConversationOf(CommandContext context) => ConversationRecord.BaseOf(context.Turn.Activity.Conversation?.Id ?? "");
}

/// <summary><c>subscribe briefing</c> / <c>订阅简报</c> (or just <c>subscribe</c>/<c>订阅</c>) with an @mention in a channel or group chat.</summary>
public sealed class SubscribeCommand(IBriefingStore store, OrganizationClock clock) : ICommand
{
    private static readonly string[] Objects = ["", "briefing", "briefings", "简报", "每日简报"];

    public IReadOnlyList<CommandWord> Words { get; } = [new("subscribe", Language.EnUs), new("订阅", Language.ZhCn)];

    public string DescriptionKey => "command.subscribe.description";

    public string ArgumentHint => "briefing";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Objects.Contains(context.Arguments.Trim().ToLowerInvariant()))
            return context.ReplyTextAsync("briefing.subscribe.usage", cancellationToken);
        if (!BriefingAccess.IsShared(context))
            return context.ReplyTextAsync("briefing.sharedOnly", cancellationToken);
        if (!BriefingAccess.MayUse(context.Actor))
            return context.ReplyTextAsync("briefing.subscribe.notAllowed", cancellationToken);

        var subscribed = store.Subscribe(new BriefingSubscription
        {
            ConversationId = BriefingAccess.ConversationOf(context), ByKey = context.Actor.Key, ByName = context.Actor.Name, Since = clock.UtcNow,
        });
        return context.ReplyTextAsync(subscribed ? "briefing.subscribe.done" : "briefing.subscribe.already", cancellationToken);
    }
}

/// <summary><c>unsubscribe</c> / <c>取消订阅</c> with an @mention in a subscribed channel or group chat.</summary>
public sealed class UnsubscribeCommand(IBriefingStore store) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("unsubscribe", Language.EnUs), new("取消订阅", Language.ZhCn)];

    public string DescriptionKey => "command.unsubscribe.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!BriefingAccess.IsShared(context))
            return context.ReplyTextAsync("briefing.sharedOnly", cancellationToken);
        if (!BriefingAccess.MayUse(context.Actor))
            return context.ReplyTextAsync("briefing.subscribe.notAllowed", cancellationToken);

        var removed = store.Unsubscribe(BriefingAccess.ConversationOf(context));
        return context.ReplyTextAsync(removed ? "briefing.unsubscribe.done" : "briefing.unsubscribe.notSubscribed", cancellationToken);
    }
}

/// <summary><c>stats</c> / <c>统计</c>: this week's figures so far, as the weekly summary shows them.</summary>
public sealed class StatsCommand(IBriefingAggregator aggregator, BriefingCards cards, WeeklyChart chart, OrganizationClock clock) : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("stats", Language.EnUs), new("统计", Language.ZhCn)];

    public string DescriptionKey => "command.stats.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!BriefingAccess.MayUse(context.Actor))
            return context.ReplyTextAsync("briefing.stats.notAllowed", cancellationToken);

        var today = DateOnly.FromDateTime(clock.LocalNow.DateTime);
        var figures = aggregator.Weekly(BriefingAggregator.MondayOf(today), today);
        var activity = cards.Weekly(figures, context.Language, late: false, soFar: true).ToActivity();
        if (chart.Render(figures.Trend) is { } png)
            activity.Attachments!.Add(BriefingSender.ChartAttachment(png));
        return context.ReplyAsync(activity, cancellationToken);
    }
}
