using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Connector;

/// <summary>Connector REST API v3 calls, each with the bot's bearer token when it has one.</summary>
public sealed class ConnectorClient(Uri serviceUrl, HttpClient http, IBotAccessTokenProvider tokenProvider, TimeProvider timeProvider) : IConnectorClient
{
    public Uri ServiceUrl { get; } = serviceUrl;

    public Task<ResourceResponse> ReplyToActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, "reply-to-activity", cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Post, $"v3/conversations/{Escape(conversationId)}/activities", activity, "send-to-conversation", cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync<ResourceResponse>(HttpMethod.Put, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, "update-activity", cancellationToken);

    public Task<ConversationResourceResponse> CreateConversationAsync(ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendAsync<ConversationResourceResponse>(HttpMethod.Post, "v3/conversations", parameters, "create-conversation", cancellationToken);

    public Task<TeamsChannelAccount> GetConversationMemberAsync(string conversationId, string memberId, CancellationToken cancellationToken = default) =>
        SendAsync<TeamsChannelAccount>(HttpMethod.Get, $"v3/conversations/{Escape(conversationId)}/members/{Escape(memberId)}", null, "get-conversation-member", cancellationToken);

    public async Task<HttpResponseMessage> GetAttachmentAsync(Uri contentUrl, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, contentUrl);
        if (string.Equals(contentUrl.Host, ServiceUrl.Host, StringComparison.OrdinalIgnoreCase))
            await AuthorizeAsync(request, cancellationToken);

        return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, string operation, CancellationToken cancellationToken)
        where T : new()
    {
        using var request = new HttpRequestMessage(method, new Uri(ServiceUrl, path));
        if (body is not null)
            request.Content = JsonContent.Create(body, body.GetType(), options: BotJson.Options);
        await AuthorizeAsync(request, cancellationToken);

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new ConnectorException(response.StatusCode, operation, text, RetryAfter(response));
        }

        if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            return new T();

        return await response.Content.ReadFromJsonAsync<T>(BotJson.Options, cancellationToken) ?? new T();
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokenProvider.GetAccessTokenAsync(cancellationToken);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
            return delta;
        if (header?.Date is { } date)
            return date - timeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
