using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpinionBot.BotFramework.Authentication;
using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Connector;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Hosting;

/// <summary>
/// Turns <c>POST /api/messages</c> into bot turns: media type, size and shape checks, channel authentication, tenant
/// policy, then the turn (a value of the wrong shape → 400, a failure → 500, never a stack trace); and sends the turn's
/// activities through the Connector.
/// </summary>
public sealed class CloudAdapter(
    IChannelRequestAuthenticator authenticator,
    IConnectorClientFactory connectorClients,
    TrustedServiceUrls trustedServiceUrls,
    IOptions<CloudAdapterOptions> options,
    ILogger<CloudAdapter> logger) : BotAdapter, IBotFrameworkHttpAdapter
{
    public async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        var inbound = await InboundActivityReader.ReadAsync(httpRequest, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (inbound.Activity is not { } activity)
        {
            await WriteProblemAsync(httpResponse, inbound.Status, inbound.Problem!);
            return;
        }

        var auth = await authenticator.AuthenticateAsync(
            httpRequest.Headers.Authorization.ToString() is { Length: > 0 } header ? header : null,
            activity.ChannelId ?? "", activity.ServiceUrl!, cancellationToken);
        if (!auth.IsAuthenticated)
        {
            logger.LogWarning("Refused activity {ActivityId}: {Reason}", activity.Id, auth.FailureReason);
            await WriteProblemAsync(httpResponse, StatusCodes.Status401Unauthorized, "The request's bearer token is missing or invalid.");
            return;
        }

        if (!IsTenantAllowed(activity))
        {
            logger.LogWarning("Refused activity {ActivityId} from tenant {TenantId}: not in Bot:AllowedTenants", activity.Id, activity.GetTenantId());
            await WriteProblemAsync(httpResponse, StatusCodes.Status403Forbidden, "This tenant is not allowed to use the bot.");
            return;
        }

        trustedServiceUrls.Trust(activity.ServiceUrl!);
        var turn = new TurnContext(this, activity, auth.Identity!);
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);
        }
        catch (InvalidActivityValueException ex)
        {
            logger.LogWarning("Refused activity {ActivityId} ({ActivityType} {Name}): {Problem}", activity.Id, activity.Type, activity.Name, ex.Message);
            await WriteProblemAsync(httpResponse, StatusCodes.Status400BadRequest, ex.Message);
            return;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Turn failed for activity {ActivityId} ({ActivityType}) in conversation {ConversationId}",
                activity.Id, activity.Type, activity.Conversation?.Id);
            await WriteProblemAsync(httpResponse, StatusCodes.Status500InternalServerError, "The bot failed to handle this activity.");
            return;
        }

        await WriteTurnResultAsync(httpResponse, activity, turn, cancellationToken);
    }

    public override async Task<ResourceResponse> SendActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var client = connectorClients.Create(activity.ServiceUrl!);
        var conversationId = activity.Conversation!.Id!;
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? await client.SendToConversationAsync(conversationId, activity, cancellationToken)
            : await client.ReplyToActivityAsync(conversationId, activity.ReplyToId, activity, cancellationToken);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        var client = connectorClients.Create(activity.ServiceUrl!);
        return client.UpdateActivityAsync(activity.Conversation!.Id!, activity.Id!, activity, cancellationToken);
    }

    private bool IsTenantAllowed(Activity activity)
    {
        var allowed = options.Value.AllowedTenants;
        if (allowed.Count == 0)
            return true;
        var tenant = activity.GetTenantId();
        return tenant is not null && allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task WriteTurnResultAsync(HttpResponse httpResponse, Activity activity, TurnContext turn, CancellationToken cancellationToken)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            httpResponse.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var invokeResponse = turn.InvokeResponse;
        if (invokeResponse is null)
        {
            httpResponse.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }

        httpResponse.StatusCode = invokeResponse.Status;
        if (invokeResponse.Body is not null)
        {
            httpResponse.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(httpResponse.Body, invokeResponse.Body, invokeResponse.Body.GetType(), BotJson.Options, cancellationToken);
        }
    }

    private static Task WriteProblemAsync(HttpResponse httpResponse, int status, string detail)
    {
        var result = Results.Problem(detail: detail, statusCode: status);
        return result.ExecuteAsync(httpResponse.HttpContext);
    }
}
