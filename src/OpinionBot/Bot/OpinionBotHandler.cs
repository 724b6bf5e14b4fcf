using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Conversations;
using OpinionBot.Localization;
using OpinionBot.Roster;

namespace OpinionBot.Bot;

/// <summary>
/// The bot's turn handler: records conversations, finds who is speaking, and hands messages to the command router
/// (or a free-text handler) and card buttons to the card-action router.
/// </summary>
public sealed class OpinionBotHandler(
    CommandRouter commands,
    IEnumerable<IFreeTextHandler> freeTextHandlers,
    CardActionRouter cardActions,
    ActorResolver actors,
    ConversationRecorder conversations,
    BotTexts texts,
    OrganizationClock clock) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var shared = IsSharedConversation(activity);
        if (shared && !MentionsBot(activity))
            return;

        var text = MentionText.RemoveMentionsOf(activity, activity.Recipient?.Id);
        var match = commands.Match(text);
        var language = match?.Language ?? LanguageDetector.Detect(text, activity.Locale, clock.DefaultLanguage);
        var typed = TypedLanguage.Of(text, match?.Word, match?.Language);
        if (shared)
            conversations.Record(activity, typed: typed);
        var context = new CommandContext(turnContext, language, match?.Arguments ?? text, texts) { Word = match?.Word ?? "" };

        if (match is { Command.RequiresRoster: false })
        {
            await match.Command.HandleAsync(context, cancellationToken);
            return;
        }

        var freeText = match is null ? freeTextHandlers.FirstOrDefault(h => h.CanHandle(activity, text)) : null;
        if (match is null && freeText is null)
        {
            await context.ReplyTextAsync(string.IsNullOrWhiteSpace(text) ? "router.empty" : "router.unknown", cancellationToken, Shorten(text));
            return;
        }

        var actor = await actors.ResolveAsync(turnContext, typed, cancellationToken);
        if (actor is null)
        {
            await context.ReplyAsync(Activity.CreateMessageActivity(NotOnRoster(language)), cancellationToken);
            return;
        }

        if (!shared)
            conversations.Record(activity, typed: typed);
        context = new CommandContext(turnContext, language, context.Arguments, texts) { Word = context.Word, Actor = actor };
        await (match?.Command.HandleAsync(context, cancellationToken) ?? freeText!.HandleAsync(context, cancellationToken));
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var action = invokeValue.Action!;
        var language = CardLanguage(action) ?? LanguageDetector.Detect(null, turnContext.Activity.Locale, clock.DefaultLanguage);
        var handler = cardActions.Find(action.Verb);
        if (handler is null)
            return AdaptiveCardInvokeResponse.Error(400, "UnknownVerb", texts.Get(language, "invoke.unknownVerb", action.Verb));

        // A press teaches no language: the card's language is the bot's own choice and the locale is the client's.
        var actor = await actors.ResolveAsync(turnContext, typed: null, cancellationToken);
        if (actor is null)
            return AdaptiveCardInvokeResponse.Error(400, "NotOnRoster", NotOnRoster(language));

        conversations.Record(turnContext.Activity);
        return await handler.HandleAsync(new CardActionContext(turnContext, action, language, actor, texts), cancellationToken);
    }

    protected override Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botRemoved = activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true;
        conversations.Record(activity, installed: !botRemoved);
        return Task.CompletedTask;
    }

    protected override Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var action = turnContext.Activity.Action ?? "";
        conversations.Record(turnContext.Activity, installed: !action.StartsWith("remove", StringComparison.OrdinalIgnoreCase));
        return Task.CompletedTask;
    }

    /// <summary>Names nobody: anyone in any tenant can write to the bot, and must not learn who runs it.</summary>
    private string NotOnRoster(Language language) => texts.Get(language, "roster.notListedAskAdmin");

    private static Language? CardLanguage(AdaptiveCardInvokeAction action) =>
        LanguageTags.FromLocale(BotFramework.Schema.BotJson.Member(action.Data, "lang"));

    /// <summary>In group chats and channels the bot answers only when it is @mentioned, as Teams users expect.</summary>
    private static bool IsSharedConversation(Activity activity) =>
        activity.Conversation?.ConversationType is ConversationTypes.GroupChat or ConversationTypes.Channel;

    private static bool MentionsBot(Activity activity) =>
        activity.GetMentions().Any(m => string.Equals(m.Mentioned?.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string text) => ShortText.Cut(text, 40);
}
