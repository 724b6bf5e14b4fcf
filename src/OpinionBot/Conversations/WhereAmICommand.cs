using OpinionBot.Bot;
using OpinionBot.BotFramework.Schema;
using OpinionBot.Localization;

namespace OpinionBot.Conversations;

/// <summary>
/// <c>whereami</c> / <c>本群信息</c>: the ids of the conversation it is sent in — what <c>Organization:Office:ConversationId</c>
/// and a unit's <c>ApprovalConversationId</c> need — with its type, the serviceUrl and the tenant. Admins and the office only.
/// </summary>
public sealed class WhereAmICommand : ICommand
{
    public IReadOnlyList<CommandWord> Words { get; } = [new("whereami", Language.EnUs), new("本群信息", Language.ZhCn)];

    public string DescriptionKey => "command.whereami.description";

    public Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!context.Actor.IsAdmin && !context.Actor.IsOffice)
            return context.ReplyTextAsync("whereami.notAllowed", cancellationToken);

        var activity = context.Turn.Activity;
        var conversation = activity.Conversation!;
        var type = conversation.ConversationType ?? (conversation.IsGroup == true ? ConversationTypes.GroupChat : ConversationTypes.Personal);
        var text = context.Text("whereami.text", ConversationRecord.BaseOf(conversation.Id!), type, activity.ServiceUrl, activity.GetTenantId() ?? "—");
        if (TeamOf(activity) is { Team.Id: { } teamId } data)
            text += "\n\n" + context.Text("whereami.team", data.Team.Name ?? "", teamId, data.Channel?.Name ?? "", data.Channel?.Id ?? "");
        return context.ReplyAsync(Activity.CreateMessageActivity(text), cancellationToken);
    }

    private static TeamsChannelData? TeamOf(Activity activity)
    {
        try { return activity.GetChannelData<TeamsChannelData>(); }
        catch (System.Text.Json.JsonException) { return null; }
    }
}
