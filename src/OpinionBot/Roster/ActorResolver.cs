using System.Collections.Concurrent;
using OpinionBot.BotFramework.Builder;
using OpinionBot.BotFramework.Connector;
using OpinionBot.Localization;

namespace OpinionBot.Roster;

/// <summary>
/// Who is speaking: matched by <c>from.aadObjectId</c>, else by the email/UPN the Teams members API gives for them
/// (asked once per user, then kept). Remembers the language they last typed in, for later proactive messages.
/// Nothing is stored for someone the roster does not name; their lookup is only remembered in memory.
/// </summary>
public sealed class ActorResolver(
    RosterDirectory directory,
    IPersonProfileStore profiles,
    IConnectorClientFactory connectors,
    TimeProvider time,
    ILogger<ActorResolver> logger)
{
    private readonly ConcurrentDictionary<string, PersonProfile> _lookedUp = new();

    /// <param name="typed">
    /// The language of the message they typed (<see cref="TypedLanguage"/>), or null for a button press or a message
    /// that shows no language: then their last language stays as it was.
    /// </param>
    public async Task<Actor?> ResolveAsync(ITurnContext turn, Language? typed, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        if (string.IsNullOrEmpty(from?.Id)) return null;

        var stored = profiles.Find(from.Id);
        var profile = stored ?? _lookedUp.GetValueOrDefault(from.Id) ?? new PersonProfile { TeamsUserId = from.Id };
        var before = stored is null ? default : Fields(stored);
        profile.AadObjectId = PersonKeyOrNull(from.AadObjectId) ?? profile.AadObjectId;
        profile.Name = from.Name ?? profile.Name;

        var actor = directory.Find(from.Id, profile.Name, [profile.AadObjectId, profile.Email, profile.UserPrincipalName]);
        if (actor is null && !profile.MembersApiChecked)
        {
            await LookUpMemberAsync(turn, profile, cancellationToken);
            actor = directory.Find(from.Id, profile.Name, [profile.AadObjectId, profile.Email, profile.UserPrincipalName]);
        }

        if (actor is not null)
        {
            if (typed is { } language)
                profile.LastLanguage = language.Tag();
            // Each save is a write on every request: an unchanged profile is saved again only to move UpdatedAt on, at most hourly.
            var now = time.GetUtcNow();
            if (stored is null || Fields(profile) != before || now - profile.UpdatedAt >= TimeSpan.FromHours(1))
            {
                profile.UpdatedAt = now;
                profiles.Save(profile);
            }
        }

        return actor;
    }

    private async Task LookUpMemberAsync(ITurnContext turn, PersonProfile profile, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        try
        {
            var member = await connectors.Create(activity.ServiceUrl!)
                .GetConversationMemberAsync(activity.Conversation!.Id!, profile.TeamsUserId, cancellationToken);
            profile.Email = PersonKeyOrNull(member.Email);
            profile.UserPrincipalName = PersonKeyOrNull(member.UserPrincipalName);
            profile.AadObjectId ??= PersonKeyOrNull(member.AadObjectId);
            profile.MembersApiChecked = true;
            _lookedUp[profile.TeamsUserId] = profile;
        }
        catch (ConnectorException ex)
        {
            logger.LogWarning(ex, "Could not look up member {UserId} in {ConversationId}", profile.TeamsUserId, activity.Conversation?.Id);
        }
    }

    private static (string? AadObjectId, string? Email, string? UserPrincipalName, string Name, bool MembersApiChecked, string? LastLanguage) Fields(PersonProfile p) =>
        (p.AadObjectId, p.Email, p.UserPrincipalName, p.Name, p.MembersApiChecked, p.LastLanguage);

    private static string? PersonKeyOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : PersonKey.Normalize(value);
}
