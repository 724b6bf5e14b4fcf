namespace OpinionBot.BotFramework.Authentication;

/// <summary>
/// A signing key's endorsements list the channels it may sign for. An activity without a channel id asserts
/// nothing and passes; otherwise its channel id must be among the endorsements (exact, case-sensitive).
/// </summary>
internal static class EndorsementCheck
{
    public static bool IsEndorsed(string? channelId, IReadOnlySet<string> endorsements) =>
        string.IsNullOrEmpty(channelId) || endorsements.Contains(channelId);
}
