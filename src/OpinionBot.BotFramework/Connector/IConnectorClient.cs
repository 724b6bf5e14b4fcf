using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Connector;

/// <summary>The Bot Connector REST API v3 at one channel's <c>serviceUrl</c>.</summary>
public interface IConnectorClient
{
    Uri ServiceUrl { get; }

    Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default);

    Task<TeamsChannelAccount> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>Downloads an attachment's <c>contentUrl</c>, with the bot's token when the URL is on the channel's service.</summary>
    Task<HttpResponseMessage> GetAttachmentAsync(Uri contentUrl, CancellationToken cancellationToken = default);
}
