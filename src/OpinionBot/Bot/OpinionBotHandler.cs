using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Configuration;
using OpinionBot.Localization;

namespace OpinionBot.Bot;

/// <summary>The bot's turn handler: messages go to the command router, card buttons to the card-action router.</summary>
public sealed class OpinionBotHandler(
    CommandRouter commands,
    CardActionRouter cardActions,
    BotTexts texts,
    OrganizationClock clock) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (IsSharedConversation(activity) && !MentionsBot(activity))
            return;

        var text = MentionText.RemoveMentionsOf(activity, activity.Recipient?.Id);
        var match = commands.Match(text);
        var language = match?.Language ?? LanguageDetector.Detect(text, activity.Locale, clock.DefaultLanguage);

        if (match is null)
        {
            var answer = string.IsNullOrWhiteSpace(text)
                ? texts.Get(language, "router.empty")
                : texts.Get(language, "router.unknown", Shorten(text));
            await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Message, Text = answer, Locale = language.Tag() }, cancellationToken);
            return;
        }

        await match.Command.HandleAsync(new CommandContext(turnContext, language, match.Arguments, texts), cancellationToken);
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardInvokeAsync(
        ITurnContext turnContext, AdaptiveCardInvokeValue invokeValue, CancellationToken cancellationToken)
    {
        var language = LanguageDetector.Detect(null, turnContext.Activity.Locale, clock.DefaultLanguage);
        var action = cardActions.Find(invokeValue.Action!.Verb);
        if (action is null)
            return AdaptiveCardInvokeResponse.Error(400, "UnknownVerb", texts.Get(language, "invoke.unknownVerb", invokeValue.Action.Verb));

        return await action.HandleAsync(turnContext, invokeValue.Action, language, cancellationToken);
    }

    /// <summary>In group chats and channels the bot answers only when it is @mentioned, as Teams users expect.</summary>
    private static bool IsSharedConversation(Activity activity) =>
        activity.Conversation?.ConversationType is ConversationTypes.GroupChat or ConversationTypes.Channel;

    private static bool MentionsBot(Activity activity) =>
        activity.GetMentions().Any(m => string.Equals(m.Mentioned?.Id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
