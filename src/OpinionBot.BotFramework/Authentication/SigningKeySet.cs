using Microsoft.IdentityModel.Tokens;

namespace OpinionBot.BotFramework.Authentication;

/// <summary>The keys of one JSON Web Key Set, with the endorsements of those keys that carry any.</summary>
internal sealed class SigningKeySet(
    IReadOnlyList<JsonWebKey> keys,
    IReadOnlyDictionary<string, IReadOnlySet<string>> endorsementsByKeyId)
{
    public IReadOnlyList<JsonWebKey> Keys { get; } = keys;

    public bool ContainsKey(string keyId) => Keys.Any(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal));

    /// <summary>The key's endorsements, or <c>null</c> when the key has no <c>endorsements</c> property.</summary>
    public IReadOnlySet<string>? EndorsementsOf(string? keyId) =>
        keyId is not null && endorsementsByKeyId.TryGetValue(keyId, out var endorsements) ? endorsements : null;
}
