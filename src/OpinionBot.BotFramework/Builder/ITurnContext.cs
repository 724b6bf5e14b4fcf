using System.Security.Claims;
using OpinionBot.BotFramework.Schema;

namespace OpinionBot.BotFramework.Builder;

/// <summary>One inbound activity and the means to answer it.</summary>
public interface ITurnContext
{
    Activity Activity { get; }

    BotAdapter Adapter { get; }

    ClaimsIdentity Identity { get; }

    /// <summary>Per-turn values shared by the handlers of this turn.</summary>
    IDictionary<string, object> TurnState { get; }

    bool Responded { get; }

    Task<ResourceResponse> SendActivityAsync(Activity activity, CancellationToken cancellationToken = default);

    Task<ResourceResponse> SendActivityAsync(string text, CancellationToken cancellationToken = default);

    Task<ResourceResponse> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken = default);
}
